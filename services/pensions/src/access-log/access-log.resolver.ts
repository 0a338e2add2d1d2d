import { createAccessLogResolver } from '@jol/kernel';
import type { PensionsContext } from '../context';

/**
 * The Social Fund's own events in a person's access log (`PersonAccessLog.pensions`); a partner
 * institution is named from the registry the Social Fund keeps.
 */
export const PensionsAccessLogResolver = createAccessLogResolver('pensions', {
  async partnerName(context, code) {
    const { partners } = await (context as PensionsContext).loaders.partnerRegistry.load();
    return partners.get(code)?.name ?? null;
  },
});
