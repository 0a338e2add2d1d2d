export interface SeedOptions {
  mongodbUri: string;
  databasePrefix: string;
  persons: number;
  seed: number;
  progress: boolean;
}
export async function seedSyntheticData(_options: SeedOptions): Promise<void> {
  throw new Error('seed generator not written yet');
}
export async function countPersons(_uri: string, _prefix: string): Promise<number> {
  return 0;
}
