import { machineAddresses } from '../../../electron/services/machine-addresses';

/** Where a test binds a server "beyond loopback" and the address its clients dial. */
export interface ExposedAddress {
  bind: string;
  connect: string;
}

/**
 * This machine's first non-loopback IPv4 address, so the server is exposed the way a LAN
 * deployment is; without one, every address (0.0.0.0), reached through 127.0.0.1. Either way
 * the server decides from the address it is bound to, which is not loopback.
 */
export function exposedAddress(): ExposedAddress {
  const lan = machineAddresses().find((address) => !address.includes(':'));
  return lan ? { bind: lan, connect: lan } : { bind: '0.0.0.0', connect: '127.0.0.1' };
}
