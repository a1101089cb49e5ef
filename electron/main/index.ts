import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, screen, session, shell } from 'electron';
// electron-updater is CommonJS whose exports Node's ESM loader cannot name: take the default.
import electronUpdater from 'electron-updater';
import { DatabaseOpenError } from '../services/db/database';
import { probeFeatures } from '../probe/features';
import { startProbeServer } from '../probe/server';
import { applyProbeHosting, createHandlers } from '../services/handlers/index';
import { createProbeHosting } from '../services/probe-hosting';
import { createServices, type Services } from '../services/services';
import { forwardEvents, registerIpc } from './ipc';
import { createPresenterWindows } from './presenter-window';
import { createElectronReportPrinter } from './report-printer';
import {
  appOrigin,
  appScheme,
  appSchemePrivileges,
  applySecurity,
  contentSecurityPolicy,
  createAppProtocolHandler,
  devServerContentSecurityPolicy,
  isSameOrigin,
  serviceConnectSources,
  webPreferencesFor,
} from './security';
import { createUpdater } from './updater';
import { minimumWindowSize, restoreBounds, trackWindowState, windowStateKey } from './window-state';
import { describeError, logLine } from '../services/log';

// Resolved from this entry file (out/main/index.js), which electron-vite never moves into a chunk.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : appOrigin;

let mainWindow: BrowserWindow | null = null;

function createMainWindow(services: Services): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { maximized, ...bounds } = restoreBounds(services.settings.get(windowStateKey), workAreas);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'RoomReady',
    webPreferences: webPreferencesFor(preloadPath),
  });
  trackWindowState(win, (state) => services.settings.setMany([[windowStateKey, state]]));
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(devServerUrl ?? `${appOrigin}/index.html`).catch((error: unknown) => {
    logLine(`The window could not load the app: ${describeError(error)}`);
  });
  return win;
}

function openServices(): Services | null {
  try {
    return createServices({ dataDir: app.getPath('userData'), mode: 'electron' });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    dialog.showErrorBox('RoomReady cannot open its data', error.message);
    return null;
  }
}

function start(): void {
  const services = openServices();
  if (!services) {
    app.quit();
    return;
  }
  app.on('will-quit', () => services.close());

  // electron-updater logs to the console by default; its lines go through the one log sink instead.
  electronUpdater.autoUpdater.logger = { info: logLine, warn: logLine, error: logLine };
  const updater = createUpdater({
    updater: electronUpdater.autoUpdater,
    getFeedUrl: () => services.readSettings().updateFeedUrl,
    isPackaged: app.isPackaged,
    emit: (status) => services.events.emit('updates:changed', status),
    logError: (error) => logLine(`Update failed: ${error}`),
  });
  const presenter = createPresenterWindows({
    preloadPath,
    rendererUrl: (hash) => `${devServerUrl ?? `${appOrigin}/index.html`}${hash}`,
  });
  const probeHosting = createProbeHosting(
    (probe) => startProbeServer({ ...probe, features: probeFeatures(probe.host) }),
    (status) => services.events.emit('probe:changed', status),
  );
  app.on('will-quit', () => void probeHosting.close());
  const handlers = createHandlers(services, updater, presenter, createElectronReportPrinter(), probeHosting);
  registerIpc(
    ipcMain,
    handlers,
    (frameUrl) => isSameOrigin(frameUrl, rendererOrigin),
    (name, error) => logLine(`Request ${name} failed: ${describeError(error)}`),
  );
  forwardEvents(services.events, () => BrowserWindow.getAllWindows());
  const policy = () => {
    if (devServerUrl) return devServerContentSecurityPolicy(devServerUrl);
    const { probeUrl, sfuUrl } = services.readSettings();
    return contentSecurityPolicy({ connectSources: serviceConnectSources([probeUrl, sfuUrl]) });
  };
  applySecurity({ app, session: session.defaultSession, shell, appOrigin: rendererOrigin, policy });
  protocol.handle(appScheme, createAppProtocolHandler({ net, rootDir: rendererDir, policy }));

  mainWindow = createMainWindow(services);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(services);
  });
  updater.checkAtStart();
  void applyProbeHosting(services, probeHosting);
}

// Must happen before `ready`: privileges cannot be granted to a scheme afterwards.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('org.roomready.app');
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logLine(`RoomReady could not start: ${describeError(error)}`);
      dialog.showErrorBox('RoomReady could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
