import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { HttpErrorCode, sendError } from '@jol/schema';

/** The gateway package folder, from its sources (src/graphiql) as from its build (dist/graphiql). */
export const GATEWAY_DIR = join(__dirname, '..', '..');

/**
 * Where `npm run build` puts the bundled page: a folder of its own, so that nothing but the page
 * (never the gateway's compiled code beside it in dist/graphiql) can be served.
 */
export const GRAPHIQL_PUBLIC_DIR = join(GATEWAY_DIR, 'dist', 'graphiql', 'public');

/**
 * Everything the page loads comes from the gateway itself. Two sources beyond 'self' are needed,
 * both checked in headless Chromium by test/src/specs/graphiql.spec.ts:
 * - style-src 'unsafe-inline': Monaco writes its theme and decorations into <style> elements it
 *   creates at run time (it has no nonce support). Inline styles cannot run script or load
 *   anything, as no other source is allowed.
 * - data: for fonts and images: graphiql's CSS embeds its fonts and icons as data: URLs.
 * Monaco's workers are files of this origin, so neither 'unsafe-eval' nor blob: workers are needed.
 */
export const GRAPHIQL_CSP = [
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
  res.setHeader('Content-Security-Policy', GRAPHIQL_CSP);
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

/**
 * Serves the GraphiQL page at GET /graphiql and its bundle below /graphiql/; anything else under
 * /graphiql is 404, and everything is 503 while the bundle has not been built. The page is public:
 * the GraphQL endpoint it calls is what requires a token.
 */
export function graphiqlRouter(publicDir: string = GRAPHIQL_PUBLIC_DIR): Router {
  const indexPath = join(publicDir, 'index.html');
  const router = Router({ strict: true, caseSensitive: true });
  router.use('/graphiql', (_req, res, next) => {
    if (!existsSync(indexPath)) {
      sendError(
        res,
        503,
        'SERVICE_UNAVAILABLE',
        'GraphiQL is not built: run `npm run build` to bundle it.',
      );
      return;
    }
    setPageHeaders(res);
    next();
  });
  router.get('/graphiql', (_req, res) => {
    res.sendFile(indexPath);
  });
  // Relative, so that it holds behind a proxy that mounts the gateway under a path prefix.
  router.get('/graphiql/', (_req, res) => {
    res.redirect(301, '../graphiql');
  });
  router.use(
    '/graphiql',
    (req, res, next) => {
      // The page is served at /graphiql only: its relative links do not resolve from anywhere else.
      if (req.path === '/index.html') sendError(res, 404, HttpErrorCode.NOT_FOUND, 'Not found');
      else next();
    },
    // Brotli or gzip written at build time (bundle.ts), chosen by Accept-Encoding, brotli first.
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
  router.use('/graphiql', (_req, res) => {
    sendError(res, 404, HttpErrorCode.NOT_FOUND, 'Not found');
  });
  return router;
}
