// Every shipped case marks a note on its key facts: a good note written in a learner's own words
// scores (nearly) full marks, a partial one part, and a junk one nothing.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ContentProblem } from '@/lib/content/files';
import { loadYamlDir } from '@/lib/content/load-yaml-dir';
import { type ConsultNote, caseSchema } from '@/lib/content/schemas/case';
import { scoreNote } from '@/lib/domain/consult';

const problems: ContentProblem[] = [];
const cases = await loadYamlDir(path.join(process.cwd(), 'content', 'cases'), caseSchema, problems);

const junk: ConsultNote = { modality: 'n/a', location: '-', consent: 'same', present: 'none', findings: 'nil', plan: 'ok', safetyNet: 'N/A' };

type Notes = { good: ConsultNote; partial: ConsultNote };

/** Notes as learners write them: abbreviations, their own order, Roman Urdu where they quote the family. */
const notes: Record<string, Notes> = {
  'chest-pain-lagging-video': {
    good: {
      modality: 'Video call, switched to a phone call (GSM) because the video kept freezing.',
      location: 'At home: House 27, Gali 3, off Multan Road, Lahore, near Bilal masjid. Callback numbers for him and wife.',
      consent: 'He booked it himself; verbal consent. Identity confirmed. Told the call is private, not recorded.',
      present: 'Wife Nadia; later the Rescue 1122 paramedic.',
      findings: '52M, 40 min central chest tightness radiating to L arm and jaw, pasina (sweating), vomited once, dizzy on standing. Diabetic, smoker, father had MI. No ECG available.',
      plan: 'Suspected ACS: emergency referral. Rescue 1122 ambulance to Gulzar Teaching Hospital. Aspirin 300 mg chewed after allergy check. Handover to paramedic.',
      safetyNet: 'Rest, no driving. If he faints or gets worse, wife tells 1122. I will call back in 2 hours.',
    },
    partial: {
      modality: 'Video.',
      location: 'Lahore, his home.',
      consent: 'Verbal.',
      present: 'Wife.',
      findings: 'Chest pain with sweating for 40 minutes.',
      plan: 'Sent to ER by ambulance.',
      safetyNet: 'Call if worse.',
    },
  },
  'infant-fever-lhw': {
    good: {
      modality: 'Video via LHW phone, then voice call after the picture froze.',
      location: 'Home, hamlet in Tharparkar.',
      consent: 'Explicit consent from mother (Sakina) via LHW; identity checked in LHW register.',
      present: 'Mother Sakina, LHW Nasreen.',
      findings: 'Fever/cough 3 days; not able to breastfeed; RR 58/min counted by LHW over 60 s; lower chest indrawing. Severe pneumonia / very severe disease.',
      plan: 'Urgent referral to Civil Hospital Mithi with pre-referral dose per IMCI; family jeep arranged.',
      safetyNet: 'If a fit, hard to wake or turns blue, stop at nearest facility. LHW to call on departure and arrival.',
    },
    partial: {
      modality: 'Video then phone.',
      location: 'Tharparkar.',
      consent: 'Mother agreed.',
      present: 'Mother.',
      findings: 'Fever, cough, fast breathing.',
      plan: 'Refer to hospital.',
      safetyNet: 'Come back if worse.',
    },
  },
  'pregnancy-headache-audio': {
    good: {
      modality: 'Audio only over 2G; call dropped once and resumed by GSM.',
      location: 'Family home in the village, near the school; callback on Imran mobile.',
      consent: 'Verbal consent from Shazia herself.',
      present: 'Husband Imran, LHW Rubina, mother-in-law Naseem Bibi.',
      findings: 'Primigravida 32 weeks, severe headache since last night, blurred vision and flashing lights, epigastric pain, vomiting. BP 164/112 on repeat by LHW.',
      plan: 'Same-day emergency referral to DHQ gynae emergency; Rescue 1122 called; phone handover to duty doctor.',
      safetyNet: 'If a fit, fainting, bleeding or baby moves less, tell the crew. I will ring in 30 minutes.',
    },
    partial: {
      modality: 'Audio.',
      location: 'Village.',
      consent: 'Husband agreed.',
      present: 'Husband.',
      findings: 'Headache, 32 weeks.',
      plan: 'Go to DHQ.',
      safetyNet: 'Call if worse.',
    },
  },
  'diabetes-hypertension-interpreter': {
    good: {
      modality: 'Video on son phone, then phone call after freeze.',
      location: 'Home, Gulbahar, Peshawar.',
      consent: 'Explicit consent from Gul Khan himself; agreed to son interpreting.',
      present: 'Son Irfan (interpreter).',
      findings: 'Two hypos of 52 mg/dL on fast days (Level 2). Home BP mean 148/94. Cuff and meter technique checked. No headache, chest pain or visual change.',
      plan: 'Glibenclamide reduced. Added second antihypertensive per NG136. HbA1c, eGFR, urine ACR. Video review in 2 weeks.',
      safetyNet: 'Sugar under 70: 15 g glucose and recheck, call the clinic. If drowsy or cannot swallow, call 1122.',
    },
    partial: {
      modality: 'Video.',
      location: 'Peshawar.',
      consent: 'Son agreed.',
      present: 'Son.',
      findings: 'BP 148/94.',
      plan: 'Review in 2 weeks.',
      safetyNet: 'Call if unwell.',
    },
  },
  'suicide-risk-dropped-call': {
    good: {
      modality: 'Video; dropped at minute 12, rang her mobile straight away and continued by phone.',
      location: 'Al-Noor hostel, room 214, Gulshan-e-Iqbal; her mobile and cousin Mahnoor number taken.',
      consent: 'Verbal consent; confidential, not recorded; she consented to involving her cousin.',
      present: 'Roommate Sana at start (left); cousin Mahnoor by phone later.',
      findings: 'PHQ-9 18; C-SSRS: suicidal thoughts, method (tablets in cupboard), no intent, no plan. Not imminent risk.',
      plan: 'Medicines removed from room, kept by cousin. Safety plan written together. Urgent psychiatrist appointment tomorrow.',
      safetyNet: 'If thoughts get stronger: safety plan, Mahnoor, emergency department. Follow-up call tomorrow 9 am.',
    },
    partial: {
      modality: 'Video.',
      location: 'Hostel.',
      consent: 'Verbal.',
      present: 'Roommate.',
      findings: 'PHQ-9 18.',
      plan: 'Safety plan.',
      safetyNet: 'Call if worse.',
    },
  },
  'skin-lesion-data-outage': {
    good: {
      modality: 'WhatsApp photos (store and forward), 3 days late as mobile data suspended; then GSM voice call to LHW.',
      location: 'Home, village in Quetta district. Callback on LHW mobile number.',
      consent: 'Explicit consent from mother (Bakht Bibi) via LHW, incl. consent for photos. ID checked in LHW register.',
      present: 'LHW Nazia, mother Bakht Bibi, chacha Rahim Jan.',
      findings: 'Painless sore L cheek 6 weeks, crusted, raised edge; small papule R forearm. No fever, no pus. Photos inadequate (blurred, no scale). Exam limited to LHW description.',
      plan: 'Referral in person to dermatology, teaching hospital Quetta, Thursday. No treatment started. New far/medium/close-up photos with coin. Photos filed in record and deleted. SMS plan sent.',
      safetyNet: 'Same day if pus, fever, swelling or new sores. I will ring the LHW on Friday.',
    },
    partial: {
      modality: 'WhatsApp.',
      location: 'Quetta.',
      consent: 'Uncle agreed.',
      present: 'LHW.',
      findings: 'Sore on cheek.',
      plan: 'Refer to dermatology.',
      safetyNet: 'Come back if worse.',
    },
  },
  'joint-family-privacy': {
    good: {
      modality: 'Video on mother-in-law phone (froze), then a second private GSM call to her own phone.',
      location: 'Home, village in Charsadda. Safe contact: her own mobile, calls only.',
      consent: 'Explicit consent from Rukhsana herself; agreed what may be shared with the family.',
      present: 'Call 1: mother-in-law Bakht Bibi. Call 2: Rukhsana alone.',
      findings: 'Period 2 weeks late, nausea. No bleeding, no pain, no fever. Denies violence, feels safe.',
      plan: 'LHW Gulalai home visit in 1-2 days; woman doctor to call her number; declined to give the report to mother-in-law.',
      safetyNet: 'Bleeding, severe pain, fainting or fever: same day to DHQ gynae emergency. Missed call to the hub if needed.',
    },
    partial: {
      modality: 'Video.',
      location: 'Charsadda.',
      consent: 'Mother-in-law booked.',
      present: 'Mother-in-law.',
      findings: 'Weakness.',
      plan: 'LHW visit.',
      safetyNet: 'Return if unwell.',
    },
  },
  'controlled-drug-refill': {
    good: {
      modality: 'WhatsApp chat, then voice call (audio only).',
      location: 'Home off Murree Road, Rawalpindi (as stated); callback on his number.',
      consent: 'Explicit verbal consent from the patient herself on the call.',
      present: 'Caller says he is her son, not verified; patient Zubaida spoke.',
      findings: 'Asked for alprazolam and tramadol refill. Tremor, sweating, no sleep, confusion at dinner. Tramadol taken more than prescribed; one episode of deep sleep.',
      plan: 'No prescription (platform policy). In person tonight at emergency department. Written summary with PMDC number. Will message in 1 hour to check they arrived.',
      safetyNet: 'If fit, cannot wake, slow breathing: Rescue 1122 or Edhi 115. No leftover or borrowed sleeping tablets; someone stays beside her.',
    },
    partial: {
      modality: 'WhatsApp.',
      location: 'Rawalpindi.',
      consent: 'Son asked.',
      present: 'Son.',
      findings: 'Wants alprazolam.',
      plan: 'Refused.',
      safetyNet: 'Go to hospital if needed.',
    },
  },
};

test('every shipped case has notes here, and every case loads', () => {
  expect(problems).toEqual([]);
  expect(Object.keys(notes).sort()).toEqual(cases.map((c) => c.def.id).sort());
});

describe.each(cases.map((c) => [c.def.id, c.def] as const))('%s', (id, def) => {
  const { good, partial } = notes[id]!;
  const share = (note: ConsultNote) => scoreNote(def, note).points / def.note.points;

  test('the expert note scores full marks', () => {
    expect(scoreNote(def, def.note.expert)).toMatchObject({ points: def.note.points, missing: [] });
  });

  test('a good note in a learner’s own words scores at least 90%', () => {
    expect(share(good)).toBeGreaterThanOrEqual(0.9);
  });

  test('a partial note scores part (10% to 60%) and the debrief can name what it missed', () => {
    const score = scoreNote(def, partial);
    expect(share(partial)).toBeGreaterThanOrEqual(0.1);
    expect(share(partial)).toBeLessThanOrEqual(0.6);
    expect(score.facts?.some((f) => !f.found)).toBe(true);
  });

  test('a junk note ("n/a", "-", "same", "none", "nil", "ok") scores nothing', () => {
    expect(scoreNote(def, junk)).toMatchObject({ points: 0, missing: ['modality', 'location', 'consent', 'present', 'findings', 'plan', 'safetyNet'] });
  });
});

test('the note from issue 16 ("video / home / n/a / - / chest pain / ER / n/a") no longer scores 1.71 of 4', () => {
  const def = cases.find((c) => c.def.id === 'chest-pain-lagging-video')!.def;
  const note = { modality: 'video', location: 'home', consent: 'n/a', present: '-', findings: 'chest pain', plan: 'ER', safetyNet: 'n/a' };
  expect(scoreNote(def, note).points).toBeLessThan(0.5);
});
