import type { GraphQLError } from 'graphql';
import { rule } from 'graphql-shield';
import { CONSENT_RECIPIENTS, ROLE_POLICY } from '@jol/schema';
import { decideConsentedRead, purposeNeeds, type AccessRules, type Subject } from '@jol/kernel';
import type { HealthContext } from '../context';
import { isActiveConsent } from '../consent/consent.model';
import { CONSENT_RECIPIENT_AGENCY, ConsentRecipient } from '../consent/consent.type';
import type { Person } from '../person/person.type';

const COORDINATE = 'Person.fitForWorkAbroad';

/**
 * The recipients whose officer role the caller holds and may declare the request's purpose as,
 * for a purpose that needs the certificate (PURPOSE_POLICY): no consent lifts a refusal otherwise.
 */
function recipientsOf(context: HealthContext): ConsentRecipient[] {
  const { caller, purpose } = context;
  if (!caller || !purpose || !purposeNeeds(purpose, 'healthCertificate')) return [];
  return Object.values(ConsentRecipient).filter((recipient) => {
    const role = CONSENT_RECIPIENTS[CONSENT_RECIPIENT_AGENCY[recipient]];
    return (
      caller.roles.includes(role) &&
      (ROLE_POLICY[role].purposes as readonly string[]).includes(purpose)
    );
  });
}

/**
 * The health certificate: health roles and the data subject read it by policy; an officer of a
 * recipient agency reads it only with the person's active consent for that agency and the
 * request's purpose. Without one the field is refused with CONSENT_REQUIRED.
 */
export function decideFitnessRead(
  context: HealthContext,
  subject: Subject,
): Promise<true | GraphQLError> {
  const recipients = recipientsOf(context);
  return decideConsentedRead(context, COORDINATE, 'healthCertificate', subject, {
    asks: recipients.length > 0,
    consented: async () => {
      const consents = subject.pin ? await context.loaders.consentsByPin.load(subject.pin) : [];
      return consents.some(
        (c) =>
          recipients.includes(c.recipientAgency) &&
          c.purpose === context.purpose &&
          isActiveConsent(c),
      );
    },
  });
}

const readFitness = rule(`read:${COORDINATE}`, { cache: 'no_cache' })(
  (parent: Person, _args, context: HealthContext) =>
    decideFitnessRead(context, { pin: parent.pin, homeRegion: parent.homeRegion }),
);

export const fitnessRules: AccessRules = {
  Person: { fitForWorkAbroad: readFitness },
};
