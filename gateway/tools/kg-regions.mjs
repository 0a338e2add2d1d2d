// Writes gateway/src/dashboard/kg-regions.geo.json, the dashboard's map, from Natural Earth's
// 1:10m "Admin 1 - States, Provinces" GeoJSON (public domain), given as the only argument:
//   node gateway/tools/kg-regions.mjs ne_10m_admin_1_states_provinces.geojson
// Keeps the Kyrgyz Republic's features, names each by its ISO 3166-2 code, simplifies the rings
// (Douglas-Peucker, 0.005 degrees, about 500 m) and rounds coordinates to 3 decimals.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOLERANCE = 0.005;
const OUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'dashboard',
  'kg-regions.geo.json',
);

function distanceToSegment([x, y], [x1, y1], [x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function simplify(points) {
  if (points.length < 3) return points;
  let index = 0;
  let farthest = 0;
  for (let i = 1; i < points.length - 1; i += 1) {
    const d = distanceToSegment(points[i], points[0], points[points.length - 1]);
    if (d > farthest) [index, farthest] = [i, d];
  }
  if (farthest <= TOLERANCE) return [points[0], points[points.length - 1]];
  return [...simplify(points.slice(0, index + 1)).slice(0, -1), ...simplify(points.slice(index))];
}

const round = (n) => Math.round(n * 1000) / 1000;
const ring = (points) => simplify(points).map(([x, y]) => [round(x), round(y)]);
const polygon = (rings) => rings.map(ring).filter((r) => r.length >= 4);

const source = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const features = source.features
  .filter((f) => f.properties.adm0_a3 === 'KGZ')
  .map((f) => ({
    type: 'Feature',
    properties: { name: f.properties.iso_3166_2 },
    geometry:
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polygon(f.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(polygon) },
  }))
  .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
writeFileSync(OUT, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
console.log(`${features.length} regions written to ${OUT}`);
