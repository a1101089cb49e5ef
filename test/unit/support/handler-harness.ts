import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import type { Result } from '../../../shared/api/result';
import { createHandlers } from '../../../electron/services/handlers/index';
import { noPresenterWindows } from '../../../electron/services/handlers/run-of-show';
import { noReportPrinter, type ReportPrinter } from '../../../electron/services/report-printer';
import { createServices, type Services } from '../../../electron/services/services';
import { webModeUpdater } from '../../../electron/services/updates';

/** One machine under test: its data folder, its services and a `call` through the contract's handlers. */
export interface HandlerMachine {
  dir: string;
  services: Services;
  call(name: string, args?: unknown): Promise<Result<unknown>>;
}

/** What the handlers are built with besides the services. */
export interface HandlerOptions {
  /** Start of each temporary data folder's name, so a leftover folder names its test file. */
  folderPrefix?: string;
  printer?: () => ReportPrinter;
}

/**
 * Data folders with the services and the contract's handlers on them, removed after each test.
 * `events` collects every event the services announce and `crashes` every handler that threw;
 * both are emptied in place before each test, so a test may keep references to them.
 */
export function useMachines(options: HandlerOptions = {}) {
  const folders: string[] = [];
  const opened: Services[] = [];
  const api = {
    events: [] as [string, unknown][],
    crashes: [] as unknown[],
    /** Opens one more data folder (another organisation's machine), or reopens `dir`'s database. */
    open(dir?: string): HandlerMachine {
      const folder = dir ?? mkdtempSync(join(tmpdir(), options.folderPrefix ?? 'roomready-handlers-'));
      if (!dir) folders.push(folder);
      const services = createServices({ dataDir: folder, mode: 'web' });
      opened.push(services);
      services.events.subscribe((name, payload) => api.events.push([name, payload]));
      const handlers = createHandlers(services, webModeUpdater, noPresenterWindows, options.printer?.() ?? noReportPrinter);
      const call = (name: string, args?: unknown): Promise<Result<unknown>> => dispatch(handlers, name, args, (_name, error) => api.crashes.push(error));
      return { dir: folder, services, call };
    },
    /** Closes a machine's services before the test ends; its folder is still removed after it. */
    close(machine: HandlerMachine) {
      opened.splice(opened.indexOf(machine.services), 1);
      machine.services.close();
    },
  };
  beforeEach(() => {
    api.events.length = 0;
    api.crashes.length = 0;
  });
  afterEach(() => {
    for (const services of opened.splice(0)) services.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return api;
}

/**
 * One machine opened before each test: `machine.call`, `machine.services` and `machine.dir` are
 * the current test's. Register fake timers before calling this when the services must see them.
 */
export function useMachine(options: HandlerOptions = {}) {
  const machines = useMachines(options);
  let current: HandlerMachine | null = null;
  beforeEach(() => {
    current = machines.open();
  });
  const now = (): HandlerMachine => {
    if (!current) throw new Error('No machine is open outside a test.');
    return current;
  };
  return {
    events: machines.events,
    crashes: machines.crashes,
    get dir() {
      return now().dir;
    },
    get services() {
      return now().services;
    },
    call: (name: string, args?: unknown) => now().call(name, args),
    /** Closes the services and opens the same data folder again, as a restart of the app would. */
    reopen() {
      const machine = now();
      machines.close(machine);
      current = machines.open(machine.dir);
    },
  };
}

/** The value of a successful result; fails the test otherwise. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The value of a successful request; fails the test with the whole error otherwise. */
export async function valueOfCall<T>(result: Promise<Result<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`Expected success, got ${JSON.stringify(settled.error)}`);
  return settled.value as T;
}
