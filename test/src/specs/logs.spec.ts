import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REFUSAL_AUDIT_PATH, ROLE_POLICY, SUBGRAPHS, type Role } from '@jol/schema';
import { isServiceRole } from '@jol/kernel';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

const SPEC = 'logs';
const LOG_DIR = join(REPO_ROOT, 'test-artifacts', 'logs', SPEC);
const PROCESSES = ['gateway', ...SUBGRAPHS.map((s) => s.name)];
const PIN = '10203199012345';

/** One query that reaches every agency for a person (each field refused or not by role). */
const PERSON_ACROSS_AGENCIES = `query PersonAcrossAgencies($pin: PIN!) { person(pin: $pin) {
  pin homeRegion
  episodes { country departedOn }
  employment { country sector }
  screenings { kind result }
  insurancePeriods { country from }
  assistanceCases { type country }
} }`;

interface AccessEntry {
  msg: string;
  requestId: string;
  path: string;
  status: number;
  sub: string | null;
  roles: string[];
  purpose: string | null;
  operationName: string | null;
  errorCodes: string[];
  durationMs: number;
}

/** Where each process's log file ends now: the spec reads only what this run appends. */
function offsets(): Record<string, number> {
  return Object.fromEntries(
    PROCESSES.map((p) => {
      const file = join(LOG_DIR, `${p}.log`);
      return [p, existsSync(file) ? statSync(file).size : 0];
    }),
  );
}

function readSince(start: Record<string, number>): Record<string, string> {
  return Object.fromEntries(
    PROCESSES.map((p) => [
      p,
      readFileSync(join(LOG_DIR, `${p}.log`))
        .subarray(start[p])
        .toString('utf8'),
    ]),
  );
}

function accessLines(text: string): AccessEntry[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as AccessEntry)
    .filter((entry) => entry.msg === 'access');
}

describe('logs: one access line per request, and no credential in any process', () => {
  let jol: TestSystem;
  let start: Record<string, number>;
  let logs: Record<string, string>;
  let stopped = false;
  /** Every credential this spec sent: none may appear in any log. */
  const credentials: string[] = [];
  const answers = new Map<
    Role,
    { requestId: string; status: number; codes: string[]; sub: string }
  >();

  beforeAll(async () => {
    start = offsets();
    jol = await startTestSystem(SPEC);
    credentials.push(jol.keys.signingSecret);
    const officer = await jol.as('MIGRATION_OFFICER');
    const registered = await officer(
      `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
      {
        input: {
          pin: PIN,
          nameCyrillic: { last: 'Асанова', first: 'Айгуль' },
          nameLatin: { last: 'Asanova', first: 'Aigul' },
          birthDate: '1990-03-10',
          sex: 'FEMALE',
          homeRegion: 'KG-C',
          russianProficiency: 'GOOD',
        },
      },
    );
    expect(registered.errors).toBeUndefined();

    for (const role of Object.keys(ROLE_POLICY) as Role[]) {
      // A service token names the subgraph that minted it, whatever the caller would choose.
      const sub = isServiceRole(role) ? 'service:pensions' : `logs-${role.toLowerCase()}`;
      const claims = {
        sub,
        ...(ROLE_POLICY[role].ownRecordOnly ? { pin: PIN } : {}),
        ...(ROLE_POLICY[role].partnerCasesOnly ? { partner: 'RU-SFR' } : {}),
      };
      const token = await jol.token(role, claims);
      credentials.push(token, ...token.split('.').filter((part) => part.length > 20));
      const callerLabel = `logs-${role.toLowerCase().replace(/_/g, '-')}`;
      const response = await fetch(jol.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          cookie: 'jol_session=cookie-secret-value',
          'x-purpose': ROLE_POLICY[role].purposes[0]!,
          'x-request-id': callerLabel,
        },
        body: JSON.stringify({ query: PERSON_ACROSS_AGENCIES, variables: { pin: PIN } }),
      });
      // The gateway names every request itself; the caller's id is only a label.
      const requestId = response.headers.get('x-request-id') ?? '';
      expect(requestId).not.toBe(callerLabel);
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const codes = [...new Set((body.errors ?? []).map((e) => String(e.extensions?.code)))];
      answers.set(role, { requestId, status: response.status, codes, sub });
    }
    credentials.push('cookie-secret-value');
    // Stopped processes have flushed everything they wrote.
    stopped = true;
    await jol.stop();
    logs = readSince(start);
  });
  afterAll(async () => {
    if (!stopped) await jol?.stop();
  });

  it('holds no token, cookie, signature or secret in any process output', () => {
    for (const name of PROCESSES) {
      const text = logs[name]!;
      expect(text.length).toBeGreaterThan(0);
      for (const secret of credentials)
        expect({ name, leaked: text.includes(secret) }).toEqual({
          name,
          leaked: false,
        });
      expect(text).not.toMatch(/Bearer\s/i);
      // The gateway signs every subgraph call; no header value of it may be written down.
      expect(text).not.toMatch(/"x-jol-[a-z-]+":"(?!\[redacted\])/);
    }
  });

  it('writes one gateway access line per request with the caller, the codes and the status', () => {
    const gateway = accessLines(logs.gateway!);
    for (const [role, answer] of answers) {
      const mine = gateway.filter((entry) => entry.requestId === answer.requestId);
      expect({ role, lines: mine }).toEqual({
        role,
        lines: [
          expect.objectContaining({
            path: '/graphql',
            status: answer.status,
            sub: answer.sub,
            roles: [role],
            purpose: ROLE_POLICY[role].purposes[0],
            errorCodes: answer.codes,
            durationMs: expect.any(Number),
          }),
        ],
      });
    }
  });

  it('shows a refusal as its code, not as a bare success', () => {
    const refused = [...answers.values()].filter((a) => a.codes.includes('FORBIDDEN'));
    expect(refused.length).toBeGreaterThan(0);
    const gateway = accessLines(logs.gateway!);
    for (const answer of refused) {
      expect(gateway.find((e) => e.requestId === answer.requestId)?.errorCodes).toContain(
        'FORBIDDEN',
      );
    }
  });

  it('carries one request id from the gateway into every subgraph it touched', () => {
    // The person themself may read every agency: every subgraph is touched.
    const { requestId, sub } = answers.get('DATA_SUBJECT')!;
    for (const name of PROCESSES) {
      const mine = accessLines(logs[name]!).filter((entry) => entry.requestId === requestId);
      expect({ name, touched: mine.length > 0 }).toEqual({ name, touched: true });
      for (const entry of mine) {
        expect(entry).toMatchObject({
          sub,
          roles: ['DATA_SUBJECT'],
          purpose: ROLE_POLICY.DATA_SUBJECT.purposes[0],
        });
      }
    }
  });

  it("logs the partner's refused operation at the gateway and at the Social Fund's audit route", () => {
    const { requestId } = answers.get('PARTNER')!;
    const gateway = accessLines(logs.gateway!).find((e) => e.requestId === requestId);
    expect(gateway).toMatchObject({ status: 403, errorCodes: ['OPERATION_NOT_REGISTERED'] });
    const pensions = accessLines(logs.pensions!).filter((e) => e.requestId === requestId);
    expect(pensions).toEqual([
      expect.objectContaining({ path: REFUSAL_AUDIT_PATH, status: 204, roles: ['PARTNER'] }),
    ]);
  });
});
