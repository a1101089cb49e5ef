import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import yaml from 'js-yaml';

/** The checksum form electron-builder writes into latest*.yml. */
export function sha512Base64(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('base64');
}

/** One artifact a feed lists; `sha512` and `size` override what is claimed for `bytes`. */
export interface ReleaseFile {
  url: string;
  bytes: Buffer;
  sha512?: string;
  size?: number;
}

/** A channel file as electron-builder's updateInfoBuilder writes it: files, then the legacy path and sha512 of the first. */
export function releaseYaml(version: string, files: readonly ReleaseFile[], extra: Record<string, unknown> = {}): string {
  const entries = files.map((file) => ({ url: file.url, sha512: file.sha512 ?? sha512Base64(file.bytes), size: file.size ?? file.bytes.length }));
  return yaml.dump({ version, files: entries, path: entries[0]?.url, sha512: entries[0]?.sha512, releaseDate: '2026-01-01T00:00:00.000Z', ...extra });
}

/** How the server answers one path. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** Answers with these bytes. */
export function serveBytes(body: string | Buffer, contentType = 'application/octet-stream'): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
}

/** Answers with an HTTP error status and a short page, as a web server would. */
export function serveStatus(status: number): Route {
  return (_request, response) => {
    const page = `<html><body><h1>${status}</h1></body></html>`;
    response.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
    response.end(page);
  };
}

/**
 * Sends half the bytes, then after `pauseMs` a quarter, then the rest: electron-updater reports
 * progress at most once a second and never for the chunk that completes the file, so a
 * progress report in between needs a chunk after a second that is not the last one.
 */
export function serveWithPause(body: Buffer, pauseMs: number): Route {
  return (_request, response) => {
    const half = Math.floor(body.length / 2);
    const threeQuarters = Math.floor((body.length * 3) / 4);
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    response.write(body.subarray(0, half));
    const timers = [
      setTimeout(() => response.write(body.subarray(half, threeQuarters)), pauseMs),
      setTimeout(() => response.end(body.subarray(threeQuarters)), pauseMs + 100),
    ];
    response.on('close', () => timers.forEach(clearTimeout));
  };
}

/** Promises all the bytes, sends `sent` of them, then drops the connection. */
export function cutOffAfter(body: Buffer, sent: number): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    response.write(body.subarray(0, sent), () => response.destroy());
  };
}

/** One request the server saw. */
export interface FeedRequest {
  path: string;
  search: string;
  authorization: string | undefined;
}

/** A generic update feed on 127.0.0.1 under one folder; records every request it is sent. */
export class UpdateFeedServer {
  readonly requests: FeedRequest[] = [];
  readonly routes = new Map<string, Route>();
  /** Requests it refuses with 401, like a feed behind an access key. */
  refuse: (request: IncomingMessage) => boolean = () => false;

  private constructor(
    private readonly server: Server,
    readonly folder: string,
  ) {}

  /** Starts a server on a free port. */
  static async start(folder = '/roomready/'): Promise<UpdateFeedServer> {
    const server = createServer();
    const feed = new UpdateFeedServer(server, folder);
    server.on('request', (request, response) => feed.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return feed;
  }

  /** host:port the server listens on. */
  get host(): string {
    const { port } = this.server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** The feed's address as a person would type it in Settings. */
  get feedUrl(): string {
    return `http://${this.host}${this.folder}`;
  }

  /** Requests for one file of the feed. */
  requestsFor(fileName: string): FeedRequest[] {
    return this.requests.filter((request) => request.path === `${this.folder}${fileName}`);
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://feed.invalid');
    this.requests.push({ path: url.pathname, search: url.search, authorization: request.headers.authorization });
    if (this.refuse(request)) return serveStatus(401)(request, response);
    const route = url.pathname.startsWith(this.folder) ? this.routes.get(url.pathname.slice(this.folder.length)) : undefined;
    (route ?? serveStatus(404))(request, response);
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
