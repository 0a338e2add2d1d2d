import type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';
import * as consular from './consular';
import * as federation from './federation';
import * as health from './health';
import * as labour from './labour';
import * as migration from './migration';
import * as pensions from './pensions';

/**
 * The federation's register: each member agency declares, in its own file, what it brings (its
 * subgraph, data classes and the coordinates of each, roles, purposes, change events, what the
 * federation-wide roles read of it); ./federation.ts declares what belongs to no agency. This file
 * composes them into the tables the kernel and the tests read. A new member is one more file,
 * listed in MEMBERS.
 */
const MEMBERS = [migration, labour, health, pensions, consular] as const;

type Member = (typeof MEMBERS)[number];
type Declarer = Member | typeof federation;
/** The keys of table `K` of every declarer: `T` is a union, so this distributes over it. */
type KeysOfEach<T, K extends PropertyKey> = T extends Record<K, infer V> ? keyof V & string : never;

/** Kinds of person-level data; each field of the graph that reveals a person belongs to one. */
export type DataClass = KeysOfEach<Declarer, 'dataClasses'>;
export type Role = KeysOfEach<Declarer, 'roles'>;
/** Declared purposes of processing; every person-level read and every write names one. */
export type Purpose = KeysOfEach<Declarer, 'purposes'>;
export type AggregateClass = keyof typeof federation.aggregateClasses;
/** A member agency, by its subgraph's name. */
export type Agency = Member['subgraph']['name'];
export type SubgraphName = Agency;
export type ChangeEventType = KeysOfEach<Member, 'changeEvents'>;

export type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';

/** A member's file as this index reads it. */
interface MemberDeclaration {
  subgraph: SubgraphDeclaration;
  dataClasses: Readonly<Record<string, DataClassDeclaration>>;
  purposes: Readonly<Record<string, PurposePolicy>>;
  roles: Readonly<Record<string, RolePolicy>>;
  fieldClasses: Readonly<Record<string, DataClass>>;
  writeClasses: Readonly<Record<string, DataClass>>;
  filterClasses: Readonly<Record<string, DataClass>>;
  changeEvents: Readonly<Record<string, ChangeEventDeclaration>>;
  federationReads: FederationReadsDeclaration;
  searchRoles: readonly Role[];
  introspectionRoles: readonly Role[];
  personSearch?: {
    coordinate: string;
    reads: readonly DataClass[];
    maxResults: number;
    argumentClasses: Readonly<Record<string, DataClass>>;
  };
}
const members: readonly MemberDeclaration[] = MEMBERS;

/**
 * Joins tables that members declare side by side (roles, purposes, coordinates...); a name that
 * two declare is a mistake in the register, refused at start-up rather than one silently winning.
 */
export function joinDeclared<T>(
  what: string,
  tables: readonly (readonly [declarer: string, table: Readonly<Record<string, T>>])[],
): Record<string, T> {
  const joined: Record<string, T> = {};
  const owner = new Map<string, string>();
  for (const [declarer, table] of tables)
    for (const [name, value] of Object.entries(table)) {
      const first = owner.get(name);
      if (first !== undefined)
        throw new Error(`${what} ${name} is declared by both ${first} and ${declarer}`);
      owner.set(name, declarer);
      joined[name] = value;
    }
  return joined;
}

const tablesOf = <T>(pick: (m: MemberDeclaration) => Readonly<Record<string, T>>) =>
  members.map((m) => [m.subgraph.name, pick(m)] as const);
const FEDERATION = 'the federation';

/** A member's subgraph as the gateway, the launcher and the jobs see it. */
export interface Subgraph extends SubgraphDeclaration {
  name: Agency;
}

/** The member agencies' subgraphs, their local ports and the database each owns. */
export const SUBGRAPHS: readonly Subgraph[] = members.map((m) => m.subgraph as Subgraph);
joinDeclared(
  'Subgraph',
  SUBGRAPHS.map((s) => [s.agency, { [s.name]: s }] as const),
);
joinDeclared(
  'Port',
  SUBGRAPHS.map((s) => [s.name, { [s.port]: s }] as const),
);

const dataClassDeclarations = joinDeclared<DataClassDeclaration>('Data class', [
  [FEDERATION, federation.dataClasses],
  ...tablesOf((m) => m.dataClasses),
]);

/** Kinds of person-level data, each with what it holds. */
export const DATA_CLASSES = Object.fromEntries(
  Object.entries(dataClassDeclarations).map(([name, d]) => [name, d.description]),
) as Record<DataClass, string>;

/** The classes of an exchange with partner institutions abroad (see DataClassDeclaration). */
export const PARTNER_EXCHANGE_CLASSES = Object.keys(dataClassDeclarations).filter(
  (name) => dataClassDeclarations[name]!.partnerExchange,
) as DataClass[];

/** Kinds of aggregate data (see federation.ts). */
export const AGGREGATE_CLASSES = federation.aggregateClasses;

/** Every role a Jol token can carry: the members' in their order, then the federation's. */
export const ROLE_POLICY = joinDeclared<RolePolicy>('Role', [
  ...tablesOf((m) => m.roles),
  [FEDERATION, federation.roles],
]) as Record<Role, RolePolicy>;
export const ROLES = Object.keys(ROLE_POLICY) as Role[];

/**
 * What each purpose needs (data minimisation): a decision serves the intersection of the role's
 * classes and the declared purpose's, so declaring a narrower purpose reads less.
 */
export const PURPOSE_POLICY = joinDeclared<PurposePolicy>('Purpose', [
  ...tablesOf((m) => m.purposes),
  [FEDERATION, federation.purposes],
]) as Record<Purpose, PurposePolicy>;
export const PURPOSES = Object.keys(PURPOSE_POLICY) as Purpose[];

// The federation's readers read, and the subject writes, what each member lists for them.
for (const [key, { role, purpose }] of Object.entries(federation.memberReaders)) {
  const reads = members.flatMap(
    (m) => m.federationReads[key as keyof typeof federation.memberReaders] ?? [],
  );
  const writes =
    key === 'subject' ? members.flatMap((m) => m.federationReads.subjectWrites ?? []) : [];
  ROLE_POLICY[role] = { ...ROLE_POLICY[role], reads: [...ROLE_POLICY[role].reads, ...reads] };
  PURPOSE_POLICY[purpose] = {
    ...PURPOSE_POLICY[purpose],
    reads: [...PURPOSE_POLICY[purpose].reads, ...reads],
    writes: [...PURPOSE_POLICY[purpose].writes, ...writes],
  };
}

export const SERVICE_ROLES: readonly Role[] = federation.serviceRoles;

/** Roles that may introspect the schema (partners and anonymous callers may not). */
export const INTROSPECTION_ROLES: readonly Role[] = [
  ...members.flatMap((m) => m.introspectionRoles),
  ...federation.introspectionRoles,
];

/**
 * The data class of every field that reveals a person, by schema coordinate. Fields of value
 * types not listed here (a name's parts, an episode's dates) are reachable only through a listed
 * field, whose rule guards them. `Person.pin` is the key: it only repeats a PIN the caller gave or
 * was shown by a guarded list, so it is readable wherever the Person is. A correctable record's
 * `versions` (earlier values and the officers' reasons) is classified at the most restrictive class
 * of the record's fields: whoever reads it may read every field of the record.
 */
export const FIELD_CLASSES: Record<string, DataClass> = joinDeclared('Coordinate', [
  ...tablesOf((m) => m.fieldClasses),
  [FEDERATION, federation.fieldClasses],
  [
    FEDERATION,
    Object.fromEntries(SUBGRAPHS.map((s) => [`PersonAccessLog.${s.name}`, 'accessLog' as const])),
  ],
]);

/**
 * The data class every write of a member's officers (and a person's own consents) changes, by
 * mutation coordinate: a write is allowed only under a purpose that `writes` its class. Exchange
 * messages a partner submits are classified in FIELD_CLASSES.
 */
export const WRITE_CLASSES: Record<string, DataClass> = joinDeclared(
  'Write',
  tablesOf((m) => m.writeClasses),
);

/**
 * Arguments that select persons by a value, by input coordinate, with the data class of the value
 * they select by: a filter is a read of that class, decided like reading the field. Arguments
 * that select by a key the caller already holds (a PIN, a case id) and paging arguments select by
 * no person's data and are not listed; aggregates (indicators) have their own policy.
 */
export const FILTER_CLASSES: Record<string, DataClass> = joinDeclared(
  'Filter',
  tablesOf((m) => m.filterClasses),
);

const searches = members.flatMap((m) => (m.personSearch ? [m.personSearch] : []));
if (searches.length !== 1)
  throw new Error(`Exactly one member declares personSearch; ${searches.length} do`);
const search = searches[0]!;

/**
 * Finding a person without the PIN: the roles that may, what a search reads, and its bounds. A
 * search tells the names, birth date and home region of everyone it lists, so the searcher must
 * read `reads` for the declared purpose and reach any person (a token's `region` claim narrows the
 * search to that region); a role limited to its own record or its partner cases never searches.
 * Each argument is a criterion of the class named in SEARCH_ARGUMENT_CLASSES, all within `reads`.
 * Every search is audited with its criteria, and each person listed sees it in their access log.
 */
export const PERSON_SEARCH: {
  /** The field a search is made with, as audit events name it. */
  coordinate: string;
  roles: readonly Role[];
  reads: readonly DataClass[];
  /** A search matching more persons than this lists none and is refused as too broad. */
  maxResults: number;
} = {
  coordinate: search.coordinate,
  roles: members.flatMap((m) => m.searchRoles),
  reads: search.reads,
  maxResults: search.maxResults,
};

/** The data class each argument of a search selects persons by. */
export const SEARCH_ARGUMENT_CLASSES: Record<string, DataClass> = { ...search.argumentClasses };

/**
 * The change events agency systems may subscribe to (webhooks): which agency emits each, and the
 * data class a subscriber must read, for its declared purpose, to hear of it. An event carries its
 * type, the record's id, the person's PIN and the time; the subscriber reads the rest through the
 * graph under its own rights. Subscribing is for agency systems that read any person (not the data
 * subject, not a partner, not a region-scoped officer): the PIN alone tells that a person of any
 * region returned or fell ill.
 */
export const CHANGE_EVENTS = joinDeclared(
  'Change event',
  members.map(
    (m) =>
      [
        m.subgraph.name,
        Object.fromEntries(
          Object.entries(m.changeEvents).map(([type, e]) => [
            type,
            { agency: m.subgraph.name as Agency, ...e },
          ]),
        ),
      ] as const,
  ),
) as Record<ChangeEventType, { agency: Agency; dataClass: DataClass; description: string }>;
export const CHANGE_EVENT_TYPES = Object.keys(CHANGE_EVENTS) as ChangeEventType[];

/** Who may read a person's fitness certificate with a recorded consent: officers of these agencies. */
export const CONSENT_RECIPIENTS = health.consentRecipients;

const refusalAudits = SUBGRAPHS.filter((s) => s.signedRoutes?.refusalAudit);
if (refusalAudits.length !== 1)
  throw new Error(`Exactly one subgraph declares a refusalAudit route; ${refusalAudits.length} do`);

/**
 * The subgraph that receives the gateway's refusals of unregistered partner operations, for its
 * audit, and where: a route besides /graphql the gateway calls, signed like it.
 */
export const REFUSAL_AUDIT_SUBGRAPH: Agency = refusalAudits[0]!.name;
export const REFUSAL_AUDIT_PATH: string = refusalAudits[0]!.signedRoutes!.refusalAudit!;

/**
 * Every name a member declares (its subgraph, roles, purposes, data classes, change events): what
 * code outside the register must not name, since it belongs to one agency.
 */
export const MEMBER_NAMES: readonly string[] = members.flatMap((m) => [
  m.subgraph.name,
  ...Object.keys(m.roles),
  ...Object.keys(m.purposes),
  ...Object.keys(m.dataClasses),
  ...Object.keys(m.changeEvents),
]);
