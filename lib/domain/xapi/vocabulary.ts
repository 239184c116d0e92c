// The xAPI vocabulary the statements use. Only IRIs that are published are used here:
// - ADL verbs and activity types (the ADL vocabulary, http://adlnet.gov/expapi/verbs/…,
//   http://adlnet.gov/expapi/activities/…), as the xAPI 1.0.3 specification's examples use them.
// - The MedBiquitous Virtual Patient profile, https://w3id.org/xapi/virtual-patient (its
//   machine-readable form: github.com/adlnet/xapi-authored-profiles, virtual-patient/v1.0/
//   virtual-patient.jsonld). That document defines only two verbs of its own, medbiq `ignored`
//   and `updated` (a counter changed mid-case), and refers to ADL `scored`/`passed`/`failed` for a
//   case's outcome; it defines no activity types. So a finished consult is an ADL `passed`/`failed`
//   on an ADL `simulation`, with the profile's version IRI as a context category, as profiles ask.

export type Verb = { id: string; display: { 'en-US': string } };

const adl = (word: string): Verb => ({ id: `http://adlnet.gov/expapi/verbs/${word}`, display: { 'en-US': word } });

export const verbs = {
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
  scored: adl('scored'),
  experienced: adl('experienced'),
} as const;

export const activityTypes = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  module: 'http://adlnet.gov/expapi/activities/module',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

/** The Virtual Patient profile's version IRI, put in context.contextActivities.category of consult statements. */
export const virtualPatientProfile = 'https://w3id.org/xapi/virtual-patient/v1.0';

export const xapiVersion = '1.0.3';
