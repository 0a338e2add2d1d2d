import { resolve } from 'node:path';

/** The repository root, found from this file whether it runs from src or dist. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
