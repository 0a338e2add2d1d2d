/**
 * The nine first-level divisions of the Kyrgyz Republic, by their ISO 3166-2:KG code (the Region
 * scalar), in the order the dashboard lists them, each with the point (longitude, latitude) where
 * the map writes its label. `city` marks the two cities of republican significance: the map
 * draws them as circles at that point, since Natural Earth has no boundary for Osh city and
 * Bishkek's is too small to see at the country's scale.
 */
export interface RegionInfo {
  code: string;
  name: string;
  at: [number, number];
  city?: true;
}

export const REGIONS: readonly RegionInfo[] = [
  { code: 'KG-GB', name: 'Bishkek', at: [74.59, 42.87], city: true },
  { code: 'KG-GO', name: 'Osh city', at: [72.8, 40.53], city: true },
  { code: 'KG-B', name: 'Batken', at: [70.89, 39.85] },
  { code: 'KG-J', name: 'Jalal-Abad', at: [72.0, 41.45] },
  { code: 'KG-Y', name: 'Issyk-Kul', at: [77.95, 42.0] },
  { code: 'KG-N', name: 'Naryn', at: [75.98, 41.3] },
  { code: 'KG-O', name: 'Osh', at: [73.55, 39.85] },
  { code: 'KG-T', name: 'Talas', at: [72.27, 42.45] },
  { code: 'KG-C', name: 'Chuy', at: [75.75, 42.45] },
];

const NAMES = new Map(REGIONS.map((region) => [region.code, region.name]));

/** The region's English name, or the code itself for one the dashboard does not know. */
export function regionName(code: string): string {
  return NAMES.get(code) ?? code;
}
