import { conflict, isDuplicateKeyError } from '@jol/kernel';
import type { PensionsModels } from '../context';
import type { CheckedCaseInput } from './exchange-case.inputs';
import type { ExchangeCaseRecord } from './exchange-case.model';

/**
 * Opens the partner's case for a person under an agreement, or returns the one already open (a
 * retry, or two racing requests: the unique index lets one insert and the other read it). The
 * same case with another foreign identifier is a CONFLICT.
 */
export async function openExchangeCase(
  models: PensionsModels,
  partner: string,
  input: CheckedCaseInput,
  openedBy: string,
): Promise<ExchangeCaseRecord> {
  const key = { partner, pin: input.pin, agreement: input.agreement };
  const existing = async () => {
    const record = await models.ExchangeCase.findOne(key).lean<ExchangeCaseRecord>();
    if (record && record.foreignId !== input.foreignId) {
      throw conflict(
        `A case of ${partner} for PIN ${input.pin} under ${input.agreement} is open with another ` +
          `foreignId; got "${input.foreignId}"`,
        'foreignId',
      );
    }
    return record;
  };
  const found = await existing();
  await bindForeignId(models, partner, input);
  if (found) return found;
  try {
    const [created] = await models.ExchangeCase.create([
      { ...key, foreignId: input.foreignId, openedBy },
    ]);
    return created!.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const raced = await existing();
    if (!raced) throw error;
    return raced;
  }
}

/**
 * Binds the partner's identifier to the PIN, or confirms the binding: an identifier already bound
 * to another person at this partner, or a person already known to it by another identifier, is a
 * CONFLICT (naming neither the other PIN nor the other identifier). The unique indexes decide a
 * race: the loser re-reads and finds either its own binding or the conflicting one.
 */
async function bindForeignId(
  models: PensionsModels,
  partner: string,
  input: CheckedCaseInput,
): Promise<void> {
  const binding = { partner, foreignId: input.foreignId, pin: input.pin };
  try {
    await models.ForeignIdBinding.updateOne(binding, { $setOnInsert: binding }, { upsert: true });
    return;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  if (await models.ForeignIdBinding.exists(binding)) return;
  if (await models.ForeignIdBinding.exists({ partner, foreignId: input.foreignId })) {
    throw conflict(
      `foreignId "${input.foreignId}" is bound to another person at ${partner}; one identifier names one PIN`,
      'foreignId',
    );
  }
  throw conflict(
    `PIN ${input.pin} is known to ${partner} by another foreignId; got "${input.foreignId}"`,
    'foreignId',
  );
}
