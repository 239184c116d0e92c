import { describe, expect, test } from 'vitest';
import { csvCell, rosterCsv } from '@/lib/domain/cohorts';
import type { LearnerReadiness } from '@/lib/domain/cohorts';
import { domainReadiness } from '@/lib/domain/readiness';

describe('csvCell', () => {
  test('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Khan, Ayesha')).toBe('"Khan, Ayesha"');
    expect(csvCell('Dr "Sam"')).toBe('"Dr ""Sam"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
  test('defuses what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+92 300')).toBe("'+92 300");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('rosterCsv', () => {
  const learner: LearnerReadiness = {
    userId: 'u1',
    name: 'Ayesha Khan',
    email: 'ayesha@uni.example',
    studentId: 'DUHS-2026-014',
    joinedAt: new Date('2026-09-01T10:00:00Z'),
    status: 'on-track',
    certified: false,
    progress: 0.456,
    requirements: [
      { kind: 'module', id: 'foundations', met: true },
      { kind: 'quiz', id: 'foundations', minScore: 70, best: 85, state: 'passed', met: true },
      { kind: 'quiz', id: 'consent', minScore: 70, best: 40, state: 'not-passed', met: false },
      { kind: 'quiz', id: 'law', minScore: 70, best: null, state: 'not-attempted', met: false },
      { kind: 'consult', id: 'infant-fever-lhw', best: 45, state: 'not-passed', met: false },
      {
        kind: 'consults-any',
        from: ['chest-pain-lagging-video', 'joint-family-privacy', 'skin-lesion'],
        count: 1,
        passed: ['joint-family-privacy'],
        cases: [
          { id: 'chest-pain-lagging-video', state: 'not-attempted', best: null },
          { id: 'joint-family-privacy', state: 'passed', best: 80 },
          { id: 'skin-lesion', state: 'in-progress', best: null },
        ],
        met: true,
      },
    ],
    modules: [{ slug: 'foundations', done: 4, total: 4 }],
    domains: domainReadiness([{ domain: 'D3', earned: 3, possible: 4 }]),
  };
  test('one row per learner with progress, domains, quiz bests and states, and consult states ("not attempted" apart from "not passed")', () => {
    const csv = rosterCsv([learner], { quizzes: ['foundations', 'consent', 'law'], cases: ['infant-fever-lhw', 'joint-family-privacy', 'chest-pain-lagging-video', 'skin-lesion'] });
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'name,email,student_id,joined,status,certified,progress_percent,D1_percent,D2_percent,D3_percent,D4_percent,D5_percent,D6_percent,quiz_foundations_best,quiz_foundations,quiz_consent_best,quiz_consent,quiz_law_best,quiz_law,consult_infant-fever-lhw,consult_joint-family-privacy,consult_chest-pain-lagging-video,consult_skin-lesion',
    );
    expect(row).toBe('Ayesha Khan,ayesha@uni.example,DUHS-2026-014,2026-09-01,on-track,no,46,,,75,,,,85,passed,40,not passed,,not attempted,not passed,passed,not attempted,in progress');
    expect(end).toBe('');
  });
});
