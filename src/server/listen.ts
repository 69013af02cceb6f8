import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Hono } from 'hono';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

export interface ListenOptions {
  port: number;
  host: string;
  /** How long a client may take to send its headers, and its whole request. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export class ListenError extends Error {}

/**
 * Serves the app with bounded waits on slow clients, and answers malformed requests (Node's own 400
 * and 431) with the security headers too. Resolves once listening; a taken port is a clear error.
 */
export function listen(
  app: Pick<Hono, 'fetch'>,
  opts: ListenOptions,
): Promise<{ server: ServerType; port: number; close: (deadlineMs?: number) => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const headersTimeout = opts.headersTimeoutMs ?? 10_000;
    // Node checks the two timeouts only every connectionsCheckingInterval (30 s by default), so a slow client
    // could hold a connection for that long past its deadline: check a few times per headers timeout instead.
    const serverOptions = { connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(headersTimeout / 4))) };
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host, serverOptions }, (addr) => {
      resolve({ server, port: addr.port, close: (deadline) => closeGracefully(server as Server, deadline) });
    }) as Server;
    server.headersTimeout = headersTimeout;
    server.requestTimeout = opts.requestTimeoutMs ?? 30_000;
    server.keepAliveTimeout = 5_000;
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        new ListenError(
          e.code === 'EADDRINUSE'
            ? `port ${opts.port} on ${opts.host} is already taken: stop what uses it, or choose another with --port`
            : e.code === 'EACCES'
              ? `not allowed to listen on port ${opts.port} (ports below 1024 need privileges): choose another with --port`
              : e.code === 'EADDRNOTAVAIL'
                ? `${opts.host} is not an address of this machine: choose another with --host`
                : `cannot listen on ${opts.host}:${opts.port}: ${e.message}`,
        ),
      );
    });
    server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const status =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      const body = JSON.stringify({ error: { status: Number(status.slice(0, 3)), message: status.slice(4) } });
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n` +
          `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n\r\n${body}`,
      );
    });
  });
}

/** Stops taking connections, lets requests in flight finish, and cuts the rest off at the deadline. */
export function closeGracefully(server: Server, deadlineMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
