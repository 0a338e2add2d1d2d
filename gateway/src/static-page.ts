import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { HttpError, HttpErrorCode, sendError } from '@jol/kernel';

/**
 * The policy of every page the gateway serves (GraphiQL, the dashboard): everything they load
 * comes from the gateway itself. Two sources beyond 'self' are needed, both checked in headless
 * Chromium by test/src/specs/graphiql.spec.ts and dashboard.spec.ts:
 * - style-src 'unsafe-inline': Monaco and ECharts write styles at run time (neither supports a
 *   nonce). Inline styles cannot run script or load anything, as no other source is allowed.
 * - data: for fonts and images: graphiql's CSS embeds its fonts and icons as data: URLs, and the
 *   dashboard draws a chart's SVG into a canvas through a data: image to export it as PNG.
 * Monaco's workers are files of this origin, so neither 'unsafe-eval' nor blob: workers are needed.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function setPageHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // The page's own name carries no hash, so browsers must revalidate (cheap: ETag answers 304).
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * A file named by its content's hash (bundle.ts: `-` and 12 hex digits; esbuild's assets: `-`
 * and 8 base-32 letters), possibly as its precompressed `.br` or `.gz`: its content never changes
 * under that name, so browsers keep it for a year without asking again.
 */
export const CONTENT_HASHED_FILE = /-(?:[0-9a-f]{12}|[A-Z2-7]{8})(?:\.[A-Za-z0-9]+)+$/;

export interface StaticPageOptions {
  /** Where the page is served, e.g. `/graphiql`; its files are served below `<mount>/`. */
  mount: string;
  /** The bundle `npm run build` wrote: index.html and the files it loads. */
  publicDir: string;
  /** How the page is named in the error shown while it is not built. */
  label: string;
}

/**
 * Serves a page bundled at build time at GET `mount` and its files below `mount/`; anything else
 * under `mount` is 404, and everything is 503 while the bundle has not been built. The page is
 * public: the GraphQL endpoint it calls is what requires a token.
 */
export function staticPageRouter({ mount, publicDir, label }: StaticPageOptions): Router {
  const indexPath = join(publicDir, 'index.html');
  const name = mount.slice(mount.lastIndexOf('/') + 1);
  const router = Router({ strict: true, caseSensitive: true });
  router.use(mount, (_req, res, next) => {
    if (!existsSync(indexPath)) {
      sendError(
        res,
        503,
        'SERVICE_UNAVAILABLE',
        `${label} is not built: run \`npm run build\` to bundle it.`,
      );
      return;
    }
    setPageHeaders(res);
    next();
  });
  router.get(mount, (_req, res) => {
    res.sendFile(indexPath);
  });
  // Relative, so that it holds behind a proxy that mounts the gateway under a path prefix.
  router.get(`${mount}/`, (_req, res) => {
    res.redirect(301, `../${name}`);
  });
  router.use(
    mount,
    (req, res, next) => {
      // The page is served at `mount` only: its relative links do not resolve from anywhere else.
      if (req.path === '/index.html') sendError(res, 404, HttpErrorCode.NOT_FOUND, 'Not found');
      else next();
    },
    // The static middlewares answer a path that does not decode with their own text/html 400:
    // it is refused here, and answered by the app's JSON error handler like every other 400.
    (req, _res, next) => {
      try {
        decodeURIComponent(req.path);
        next();
      } catch {
        next(
          new HttpError(400, HttpErrorCode.BAD_REQUEST, 'The path is not valid percent-encoding'),
        );
      }
    },
    // Brotli or gzip written at build time, chosen by Accept-Encoding, brotli first; a file
    // without a compressed copy is served as it is.
    expressStaticGzip(publicDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        redirect: false,
        dotfiles: 'ignore',
        setHeaders: (res, path) => {
          if (CONTENT_HASHED_FILE.test(path))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      },
    }),
  );
  router.use(mount, (_req, res) => {
    sendError(res, 404, HttpErrorCode.NOT_FOUND, 'Not found');
  });
  return router;
}
