import { createManyByKeyLoader } from '@jol/kernel';
import type { EpisodeModel, EpisodeRecord } from './episode.model';

/** Each PIN's episodes, oldest first, one query per batch. */
export function createEpisodesByPinLoader(Episode: EpisodeModel) {
  return createManyByKeyLoader<EpisodeRecord>(
    (pins) =>
      Episode.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, departedOn: 1 })
        .lean<EpisodeRecord[]>(),
    (episode) => episode.pin,
  );
}
