import { parseArgs } from 'node:util';
import { isRegionCode, isRole, parsePin } from '@jol/kernel';
import { ensureDevKeys, issueDevToken } from './dev-keys';

// `npm run token -- --role <ROLE> [--region KG-O] [--partner <code>] [--office RU_MOSCOW] [--pin <PIN>] [--ttl 1h]`
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      region: { type: 'string' },
      partner: { type: 'string' },
      office: { type: 'string' },
      pin: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
    },
  });
  const roles = values.role ?? [];
  if (roles.length === 0 || !roles.every(isRole)) {
    throw new Error(`--role must name one or more roles; got ${JSON.stringify(roles)}`);
  }
  if (values.region !== undefined && !isRegionCode(values.region))
    throw new Error(`--region ${values.region} is not a Kyrgyz region code`);
  if (values.pin !== undefined) parsePin(values.pin, '--pin');
  if (!/^\d+[smhd]$/.test(values.ttl ?? ''))
    throw new Error(`--ttl must look like 15m, 1h or 7d; got ${values.ttl}`);
  const keys = await ensureDevKeys();
  process.stdout.write(
    `${await issueDevToken(keys, { roles, region: values.region, partner: values.partner, office: values.office, pin: values.pin, sub: values.sub }, values.ttl)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
