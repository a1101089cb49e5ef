import { create } from 'zustand';
import { bridgeGlobalName, type Bridge } from '../../../shared/api/contract';
import { createWebSocketBridge, type ConnectionState } from './web-socket-bridge';

declare global {
  interface Window {
    [bridgeGlobalName]?: Bridge;
  }
}

/** Whether the renderer reaches the services (always 'open' under Electron). */
export const useConnection = create<{ state: ConnectionState }>(() => ({ state: 'open' }));

/** The one way the renderer reaches the main process: the preload bridge, or web mode's socket. */
export const api: Bridge =
  window[bridgeGlobalName] ?? createWebSocketBridge(window.location, (state) => useConnection.setState({ state }));
