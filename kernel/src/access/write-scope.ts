import { GraphQLError } from 'graphql';
import type { JolContext } from '../context';
import { ErrorCode, notFound } from '../errors';
import { isRecordId } from '../record-id';
import { checkNotBeforeBirth } from '../scalars/date';
import { refuse } from './decide';
import { forbidden, outsideYourRegion } from './errors';
import { subjectDirectoryUnavailable, type SubjectFacts } from './subject-directory';

/**
 * Whether the person a write names is in the caller's reach, asked of the subject directory before
 * anything reads the agency's own records about them. `pin` is null when the write names a record
 * that does not exist. A region-scoped caller (not writing their own record) reaches only persons
 * whose home region is theirs; anyone else reaches every person that exists. A directory that
 * cannot be asked refuses the write (fail closed).
 */
export async function decideSubjectScope(
  context: JolContext,
  coordinate: string,
  pin: string | null,
): Promise<true | GraphQLError> {
  const region = context.caller?.region;
  const ownRecord = pin !== null && context.caller?.pin === pin;
  const scoped = region !== undefined && !ownRecord;
  // An unknown record: the resolver answers NOT_FOUND to callers who may see every record.
  if (pin === null)
    return scoped ? refuse(context, coordinate, pin, outsideYourRegion(coordinate)) : true;
  let answer;
  try {
    answer = await context.directory.find(pin);
  } catch (error) {
    return refuse(
      context,
      coordinate,
      pin,
      error instanceof GraphQLError ? error : subjectDirectoryUnavailable(),
    );
  }
  if (scoped) {
    if (answer.kind !== 'known' || answer.facts.homeRegion !== region)
      return refuse(context, coordinate, pin, outsideYourRegion(coordinate));
    return true;
  }
  if (answer.kind === 'unknown')
    return refuse(context, coordinate, pin, notFound('Person', 'pin', pin));
  if (answer.kind === 'refused') return refuse(context, coordinate, pin, forbidden(coordinate));
  return true;
}

/**
 * The scope facts of a person a write names, for the resolver's checks of what cannot be true
 * (nothing dated before birth). The write rule has asked already, so this is the request's cached
 * answer; a person the directory does not know is refused like the rule refuses them.
 */
export async function subjectFactsOf(context: JolContext, pin: string): Promise<SubjectFacts> {
  const answer = await context.directory.find(pin);
  if (answer.kind === 'known') return answer.facts;
  if (answer.kind === 'unknown') throw notFound('Person', 'pin', pin);
  throw forbidden('Person.pin');
}

/** A collection whose records name their person by `pin`, read by id. */
export interface RecordsWithPin {
  findById(id: string, projection: { pin: 1 }): { lean(): PromiseLike<unknown> };
}

/**
 * For a write that names a record by id (a TB case, an enrolment): the PIN of the person the record
 * belongs to, or null when the id is malformed or names no record, which a write rule refuses a
 * region-scoped caller like a person outside their region.
 */
export async function pinOfRecord(records: RecordsWithPin, id: unknown): Promise<string | null> {
  if (!isRecordId(id)) return null;
  const record = (await records.findById(id, { pin: 1 }).lean()) as { pin?: unknown } | null;
  return typeof record?.pin === 'string' ? record.pin : null;
}

/** A dated write the caller's purpose cannot have checked: it does not read the birth date. */
function birthDateNotReadable(field: string): GraphQLError {
  return new GraphQLError(
    `${field} must be checked against Person.birthDate, which your declared purpose may not read; ` +
      "declare a purpose that reads the person's identity for this write",
    { extensions: { code: ErrorCode.FORBIDDEN } },
  );
}

/**
 * Refuses a write whose dates fall before the birth of the person it names (see
 * checkNotBeforeBirth); `dates` maps each input field to its date, null or undefined when absent.
 */
export async function checkDatesNotBeforeBirth(
  context: JolContext,
  pin: string,
  dates: Record<string, Date | null | undefined>,
): Promise<void> {
  const { birthDate, birthDateWithheld } = await subjectFactsOf(context, pin);
  for (const [field, date] of Object.entries(dates)) {
    if (date && birthDateWithheld) throw birthDateNotReadable(field);
    if (date) checkNotBeforeBirth(field, date, birthDate);
  }
}

/**
 * For a write whose caller may not read persons (a partner institution): the PIN must name a
 * registered person, asked of the person register under Jol's service identity. An unknown PIN is
 * refused NOT_FOUND and recorded as refused; a register that cannot be asked refuses the write
 * (fail closed). The caller learns existence only, which the write itself would reveal.
 */
export async function decideRegisteredSubject(
  context: JolContext,
  coordinate: string,
  pin: string,
): Promise<true | GraphQLError> {
  let answer;
  try {
    answer = await context.register.find(pin);
  } catch (error) {
    return refuse(
      context,
      coordinate,
      pin,
      error instanceof GraphQLError ? error : subjectDirectoryUnavailable(),
    );
  }
  if (answer.kind === 'unknown')
    return refuse(context, coordinate, pin, notFound('Person', 'pin', pin));
  return true;
}

/**
 * For a partner institution opening a case, after decideRegisteredSubject: the person must have a
 * tie to the institution's country known to Jol, a stay abroad there in the person register (asked
 * under the service identity) or a fact the asking agency holds itself (`tiedHere`, asked only
 * when the register names none). Opening a case is what gives a partner reach to the person, so a
 * PIN without a tie is refused FORBIDDEN and recorded as refused; the caller learns only that Jol
 * knows no tie of this person to its own country.
 */
export async function decideTiedToCountry(
  context: JolContext,
  coordinate: string,
  pin: string,
  country: string,
  tiedHere: () => Promise<boolean>,
): Promise<true | GraphQLError> {
  let stayed: boolean;
  try {
    const answer = await context.register.find(pin);
    stayed = answer.kind === 'registered' && answer.stayCountries.includes(country);
  } catch (error) {
    return refuse(
      context,
      coordinate,
      pin,
      error instanceof GraphQLError ? error : subjectDirectoryUnavailable(),
    );
  }
  if (stayed || (await tiedHere())) return true;
  return refuse(
    context,
    coordinate,
    pin,
    forbidden(
      coordinate,
      `No tie of the person to ${country} (a stay or insurance there) is known to Jol, so your institution may not run`,
    ),
  );
}

/**
 * Refuses a write, checked through the person register, whose dates fall before the birth of the
 * person it names (see checkNotBeforeBirth); `dates` maps each input field to its date.
 */
export async function checkDatesNotBeforeRegisteredBirth(
  context: JolContext,
  pin: string,
  dates: Record<string, Date | null | undefined>,
): Promise<void> {
  const answer = await context.register.find(pin);
  if (answer.kind === 'unknown') throw notFound('Person', 'pin', pin);
  for (const [field, date] of Object.entries(dates))
    if (date) checkNotBeforeBirth(field, date, answer.birthDate);
}
