import type { RequestName } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { createHandlers } from '../services/handlers/index';
import { noPresenterWindows } from '../services/handlers/run-of-show';
import { noReportPrinter, type ReportPrinter } from '../services/report-printer';
import { createServices } from '../services/services';
import { webModeUpdater } from '../services/updates';
import { UsageError } from './usage-error';
import { describeError, logLine } from '../services/log';

/** The contract's handlers on the data directory, for commands that need no renderer. */
export interface CliApi {
  /** Runs a request; a refused one becomes a UsageError naming the fields at fault. */
  call<T>(name: RequestName, args?: unknown): Promise<T>;
  close(): void;
}

/**
 * Opens the services on `dataDir` and calls them through the same validation as the app.
 * Commands that print PDFs pass a printer and close it themselves.
 */
export function openCliApi(dataDir: string, options: { printer?: ReportPrinter } = {}): CliApi {
  const services = createServices({ dataDir, mode: 'web' });
  const handlers = createHandlers(services, webModeUpdater, noPresenterWindows, options.printer ?? noReportPrinter);
  return {
    call: async <T>(name: RequestName, args?: unknown) => {
      const result = await dispatch(handlers, name, args, (name, error) => logLine(`request ${name} failed: ${describeError(error)}`));
      if (result.ok) return result.value as T;
      const fields = (result.error.issues ?? []).map((issue) => `${issue.path}: ${issue.message.replace('validation.', '')}`).join(', ');
      throw new UsageError(`${result.error.message}${fields ? ` (${fields})` : ''}`);
    },
    close: () => services.close(),
  };
}
