import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatisticalUnit } from '@jol/statistics';

/**
 * The register's statistical export: what the State Migration Service publishes for the other
 * agencies' statistics, so that none of them opens its database. One line per registered person
 * with the dimensions indicators count by (sex, birth date, home region, latest destination, first
 * return) and nothing else: no names, no documents, no stays. Each agency's refresh takes the lines
 * of the persons it holds records of and keeps them as its statistical units.
 *
 * The export is a folder: `statistical-units.jsonl` and `manifest.json` (when, how many, SHA-256 of
 * the lines). Both are written to temporary names and renamed, the manifest last, so a reader sees
 * the previous export or the new one, never half of one; a reader checks the digest and the count
 * before using a line. Files are readable by their owner only.
 */

export const EXPORT_UNITS_FILE = 'statistical-units.jsonl';
export const EXPORT_MANIFEST_FILE = 'manifest.json';

export interface RegisterExportManifest {
  /** The format, for readers to refuse one they do not know. */
  format: 'jol-statistical-units/1';
  /** When the register was read. */
  refreshedAt: string;
  units: number;
  sha256: string;
}

/** Writes a new export of the register's units into `dir`, replacing the previous one. */
export function publishRegisterExport(
  dir: string,
  units: Iterable<StatisticalUnit>,
  refreshedAt: Date,
): RegisterExportManifest {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lines: string[] = [];
  for (const unit of units) {
    lines.push(
      JSON.stringify({
        pin: unit.pin,
        sex: unit.sex,
        birthDate: unit.birthDate.toISOString(),
        homeRegion: unit.homeRegion,
        lastDestination: unit.lastDestination,
        firstReturnOn: unit.firstReturnOn?.toISOString() ?? null,
      }),
    );
  }
  const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  const manifest: RegisterExportManifest = {
    format: 'jol-statistical-units/1',
    refreshedAt: refreshedAt.toISOString(),
    units: lines.length,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
  const unitsPath = join(dir, EXPORT_UNITS_FILE);
  const manifestPath = join(dir, EXPORT_MANIFEST_FILE);
  writeFileSync(`${unitsPath}.tmp`, text, { mode: 0o600 });
  renameSync(`${unitsPath}.tmp`, unitsPath);
  writeFileSync(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${manifestPath}.tmp`, manifestPath);
  return manifest;
}

/** The manifest of the export in `dir`; an error naming what to do when there is none. */
export function readRegisterExportManifest(dir: string): RegisterExportManifest {
  const path = join(dir, EXPORT_MANIFEST_FILE);
  if (!existsSync(path))
    throw new Error(
      `no register export in ${dir}: run the migration refresh first (--agency migration)`,
    );
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<RegisterExportManifest>;
  if (
    manifest.format !== 'jol-statistical-units/1' ||
    typeof manifest.refreshedAt !== 'string' ||
    typeof manifest.units !== 'number' ||
    typeof manifest.sha256 !== 'string'
  )
    throw new Error(`the register export manifest in ${dir} is not one this job reads`);
  return manifest as RegisterExportManifest;
}

/**
 * The register's units by PIN, from the export in `dir`, with its manifest. Refuses an export whose
 * lines do not match the manifest's digest or count (a torn or altered copy).
 */
export function readRegisterExport(dir: string): {
  manifest: RegisterExportManifest;
  units: Map<string, StatisticalUnit>;
} {
  const manifest = readRegisterExportManifest(dir);
  const text = readFileSync(join(dir, EXPORT_UNITS_FILE));
  if (createHash('sha256').update(text).digest('hex') !== manifest.sha256)
    throw new Error(`the register export in ${dir} does not match its manifest's digest`);
  const refreshedAt = new Date(manifest.refreshedAt);
  const units = new Map<string, StatisticalUnit>();
  for (const line of text.toString('utf8').split('\n')) {
    if (line === '') continue;
    const row = JSON.parse(line) as Record<string, string | null>;
    units.set(row.pin!, {
      pin: row.pin!,
      sex: row.sex as StatisticalUnit['sex'],
      birthDate: new Date(row.birthDate!),
      homeRegion: row.homeRegion as StatisticalUnit['homeRegion'],
      lastDestination: row.lastDestination,
      firstReturnOn: row.firstReturnOn === null ? null : new Date(row.firstReturnOn!),
      refreshedAt,
    });
  }
  if (units.size !== manifest.units)
    throw new Error(
      `the register export in ${dir} holds ${units.size} units; its manifest says ${manifest.units}`,
    );
  return { manifest, units };
}
