import { describe, expect, test } from 'vitest';
import { caseSchema, type CaseDef, type Connection } from '@/lib/content/schemas/case';
import { validateCase } from '@/lib/domain/consult';
import { controlKeyOf } from '@/lib/domain/consult/control-key';
import { choiceById, fixtureYamlData, loadFixtureCase, play } from '../support/consult-fixture';

function nodeOf(caseDef: CaseDef, id: string) {
  const node = caseDef.nodes[id];
  if (node === undefined) throw new Error(`fixture has no node '${id}'`);
  return node;
}

describe('caseSchema', () => {
  test('accepts the fixture and fills defaults (minutes 1, empty lists)', () => {
    const caseDef = loadFixtureCase();
    expect(choiceById(caseDef, 'intro-consent').minutes).toBe(1);
    expect(choiceById(caseDef, 'skip-intro').references).toEqual([]);
    expect(caseDef.patient.age).toBe('58');
    expect(choiceById(caseDef, 'intro-consent').reply).toEqual([]);
  });

  test('accepts a reply on a choice', () => {
    const data = structuredClone(fixtureYamlData());
    const choices = getChoices(data);
    choices[0] = { ...choices[0], reply: [{ who: 'daughter', text: 'Yes, go ahead.' }] };
    const parsed = caseSchema.parse(data);
    expect(choiceById(parsed, 'intro-consent').reply).toEqual([{ who: 'daughter', text: 'Yes, go ahead.' }]);
  });

  test.each([
    { name: 'an unknown key (typo) in a choice', path: 'nodes.opening.choices.0', edit: (c: Record<string, unknown>) => ({ ...c, nxt: 'history' }) },
    { name: 'an unknown action', path: 'nodes.opening.choices.0.action', edit: (c: Record<string, unknown>) => ({ ...c, action: 'chat' }) },
    { name: 'a choice id that is not kebab-case', path: 'nodes.opening.choices.0.id', edit: (c: Record<string, unknown>) => ({ ...c, id: 'Intro_Consent' }) },
    { name: 'an unknown connection in requires', path: 'nodes.opening.choices.0.requires.connection.0', edit: (c: Record<string, unknown>) => ({ ...c, requires: { connection: ['phone'] } }) },
    { name: 'a domain outside D1..D6', path: 'nodes.opening.choices.0.effects.scores', edit: (c: Record<string, unknown>) => ({ ...c, effects: { scores: { D7: 1 } } }) },
    { name: 'a reply line with an unknown key', path: 'nodes.opening.choices.0.reply.0', edit: (c: Record<string, unknown>) => ({ ...c, reply: [{ who: 'daughter', txt: 'Yes.' }] }) },
    { name: 'a reply line without text', path: 'nodes.opening.choices.0.reply.0.text', edit: (c: Record<string, unknown>) => ({ ...c, reply: [{ who: 'daughter' }] }) },
  ])('rejects $name, naming the path', ({ path, edit }) => {
    const data = structuredClone(fixtureYamlData());
    const choices = getChoices(data);
    choices[0] = edit(choices[0] ?? {});
    const parsed = caseSchema.safeParse(data);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

/** The opening node's choices in raw fixture data, narrowed without casts. */
function getChoices(data: unknown): Record<string, unknown>[] {
  if (typeof data !== 'object' || data === null || !('nodes' in data)) throw new Error('bad fixture');
  const nodes = data.nodes;
  if (typeof nodes !== 'object' || nodes === null || !('opening' in nodes)) throw new Error('bad fixture');
  const opening = nodes.opening;
  if (typeof opening !== 'object' || opening === null || !('choices' in opening) || !Array.isArray(opening.choices)) throw new Error('bad fixture');
  return opening.choices;
}

describe('validateCase', () => {
  test('the fixture case is valid', () => {
    expect(validateCase(loadFixtureCase())).toEqual([]);
  });

  test.each([
    {
      name: 'missing next',
      mutate: (c: CaseDef) => void (choiceById(c, 'to-plan').next = 'nowhere'),
      problem: "node 'history' choice 'to-plan': next 'nowhere' does not exist",
    },
    {
      name: 'missing start',
      mutate: (c: CaseDef) => void (c.start = 'welcome'),
      problem: "start node 'welcome' does not exist",
    },
    {
      name: 'unreachable node',
      mutate: (c: CaseDef) => {
        c.nodes['orphan'] = { say: [], choices: [{ ...choiceById(c, 'close-early'), id: 'orphan-close' }] };
      },
      problem: "node 'orphan' is unreachable from start 'opening'",
    },
    {
      name: 'dead-end node (every exit requires something)',
      mutate: (c: CaseDef) => void (choiceById(c, 'close-early').requires = { flags: ['consent-obtained'], notFlags: [], connection: [] }),
      problem: "node 'plan' is a dead end",
    },
    {
      name: 'dead-end node (only a self-loop)',
      mutate: (c: CaseDef) => void (nodeOf(c, 'plan').choices = [choiceById(c, 'give-safety-net')]),
      problem: "node 'plan' is a dead end",
    },
    {
      name: 'no end reachable from a node',
      mutate: (c: CaseDef) => {
        nodeOf(c, 'history').choices = nodeOf(c, 'history').choices.filter((ch) => ch.id !== 'to-plan' && ch.id !== 'count-frozen');
      },
      problem: "no end node can be reached from node 'history'",
    },
    {
      name: 'end node with choices',
      mutate: (c: CaseDef) => void nodeOf(c, 'end-good').choices.push({ ...choiceById(c, 'close-early'), id: 'restart' }),
      problem: "end node 'end-good' has choices",
    },
    {
      name: 'unachievable critical action',
      mutate: (c: CaseDef) => void (choiceById(c, 'ask-red-flags').requires = { flags: ['consent-obtained'], notFlags: ['consent-obtained'], connection: [] }),
      problem: "critical action 'red-flags' (flag 'red-flags-asked') cannot be done on any path that reaches an end",
    },
    {
      name: 'critical action flag never set',
      mutate: (c: CaseDef) => void (c.rubric.criticalActions[0] = { id: 'red-flags', label: 'x', flag: 'red-flag-asked', references: [] }),
      problem: "critical action 'red-flags': flag 'red-flag-asked' is never set by any choice",
    },
    {
      name: 'critical error flag never set',
      mutate: (c: CaseDef) => void (c.rubric.criticalErrors[0] = { id: 'frozen-count', label: 'x', flag: 'used-frozen-cnt', references: [] }),
      problem: "critical error 'frozen-count': flag 'used-frozen-cnt' is never set by any choice",
    },
    {
      name: 'invalid expert path (step not available)',
      mutate: (c: CaseDef) => void (c.expertPath = ['intro-consent', 'to-plan', 'close-good']),
      problem: "expertPath[2] 'close-good' is not available at node 'plan'",
    },
    {
      name: 'invalid expert path (unknown choice)',
      mutate: (c: CaseDef) => void (c.expertPath = ['intro-consent', 'close-good']),
      problem: "expertPath[1] 'close-good' is not a choice of node 'history'",
    },
    {
      name: 'invalid expert path (stops before an end)',
      mutate: (c: CaseDef) => void (c.expertPath = ['intro-consent', 'to-plan']),
      problem: "expertPath stops at node 'plan', which is not an end node",
    },
    {
      name: 'invalid expert path (does not pass)',
      mutate: (c: CaseDef) => void (c.expertPath = c.expertPath.filter((id) => id !== 'ask-red-flags')),
      problem: "expertPath does not pass: it misses critical action 'red-flags'",
    },
    {
      name: 'no audio-only path (a critical action needs video)',
      mutate: (c: CaseDef) => {
        choiceById(c, 'ask-red-flags').requires = { flags: [], notFlags: [], connection: ['video'] };
        c.expertPath = ['intro-consent', 'ask-duration', 'ask-red-flags', 'switch-audio', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];
      },
      problem: "no audio-only passing path: on audio, critical action 'red-flags' cannot be done",
    },
    {
      name: 'no audio-only path (video never leaves)',
      mutate: (c: CaseDef) => {
        nodeOf(c, 'history').choices = nodeOf(c, 'history').choices.filter((ch) => ch.id !== 'switch-audio');
        c.events = [];
        c.rubric.domains.D3 = 1;
        c.expertPath = ['intro-consent', 'ask-duration', 'ask-red-flags', 'to-plan', 'give-safety-net', 'close-good'];
      },
      problem: 'no audio-only passing path: no path ends off video',
    },
    {
      name: 'no audio-only path (score too low on audio)',
      mutate: (c: CaseDef) => {
        choiceById(c, 'look-breathing').effects = { scores: { D4: 6 }, flags: [] };
        c.rubric.domains.D4 = 9;
        c.pass.minScore = 90;
        c.expertPath = ['intro-consent', 'ask-duration', 'look-breathing', 'switch-audio', 'ask-red-flags', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];
      },
      problem: 'no audio-only passing path: the best audio-only total is 68%, below pass.minScore 90%',
    },
    {
      name: 'unknown domain',
      mutate: (c: CaseDef) => void (choiceById(c, 'ask-duration').effects = { scores: { D2: 1 }, flags: [] }),
      problem: "node 'history' choice 'ask-duration' scores domain D2, which is not in rubric.domains",
    },
    {
      name: 'duplicate choice id',
      mutate: (c: CaseDef) => void (choiceById(c, 'close-early').id = 'intro-consent'),
      problem: "choice id 'intro-consent' is used more than once (nodes 'opening', 'plan')",
    },
    {
      name: 'unknown speaker',
      mutate: (c: CaseDef) => void nodeOf(c, 'plan').say.push({ who: 'nurse', text: 'Hello.' }),
      problem: "node 'plan': say.who 'nurse' is not in participants",
    },
    {
      name: 'unknown speaker in a reply',
      mutate: (c: CaseDef) => void choiceById(c, 'ask-duration').reply.push({ who: 'nurse', text: 'A week.' }),
      problem: "node 'history' choice 'ask-duration': reply.who 'nurse' is not in participants",
    },
    {
      name: 'rubric maximum unreachable',
      mutate: (c: CaseDef) => void (c.rubric.domains.D4 = 9),
      problem: 'rubric.domains.D4 is 9 but choices can add at most 4',
    },
    {
      name: 'requires a flag that no choice sets (typo)',
      mutate: (c: CaseDef) => void (choiceById(c, 'close-good').requires = { flags: ['safety-net-giv'], notFlags: [], connection: [] }),
      problem: "node 'plan' choice 'close-good' requires flag 'safety-net-giv', which no choice sets",
    },
    {
      name: 'choice never offered',
      mutate: (c: CaseDef) => void (choiceById(c, 'count-frozen').requires = { flags: [], notFlags: [], connection: ['sms'] }),
      problem: "node 'history' choice 'count-frozen' is never offered",
    },
    {
      name: 'a state from which no end can be reached (loop)',
      mutate: (c: CaseDef) => {
        choiceById(c, 'close-early').next = 'history';
        choiceById(c, 'close-good').requires = { flags: ['safety-net-given'], notFlags: ['used-frozen-count'], connection: [] };
      },
      problem: "from node 'plan' after intro-consent → ask-duration → ask-red-flags → count-frozen, no end can ever be reached",
    },
    {
      name: 'points that can be earned again and again',
      mutate: (c: CaseDef) => {
        choiceById(c, 'close-early').next = 'history';
        choiceById(c, 'to-plan').effects = { scores: { D4: 1 }, flags: [] };
      },
      problem: "choice 'to-plan' can be taken again and again",
    },
  ])('rejects a case with $name', ({ mutate, problem }) => {
    const caseDef = loadFixtureCase();
    mutate(caseDef);
    expect(validateCase(caseDef)).toContainEqual(expect.stringContaining(problem));
  });

  test('reports a case too large to verify past maxStates', () => {
    expect(validateCase(loadFixtureCase(), { maxStates: 5 })).toContainEqual(expect.stringContaining('case too large to verify'));
  });
});

describe('controlKeyOf (what the validator treats as the same situation)', () => {
  const caseDef = loadFixtureCase();
  const key = controlKeyOf(caseDef);
  const atHistory = play(caseDef, ['intro-consent']).state;
  const onAudio = play(caseDef, ['intro-consent', 'switch-audio']).state;
  const atPlan = play(caseDef, ['intro-consent', 'ask-duration', 'switch-audio', 'to-plan']).state;
  const audio: Connection = 'audio';

  test.each([
    { name: 'a flag no later choice reads is ignored', a: atHistory, b: play(caseDef, ['skip-intro']).state, same: true },
    { name: 'a flag a later choice reads is kept', a: atHistory, b: { ...atHistory, flags: ['safety-net-given'] }, same: false },
    { name: 'scores are ignored', a: atHistory, b: { ...atHistory, scores: { D1: 3 } }, same: true },
    { name: 'the minute counts while a timed event can still fire', a: atHistory, b: { ...atHistory, minute: 2 }, same: false },
    { name: 'the minute is ignored once no timed event can fire', a: onAudio, b: { ...onAudio, minute: 7 }, same: true },
    { name: 'a self-loop taken at a node still reachable is kept', a: atHistory, b: { ...atHistory, taken: ['ask-duration'] }, same: false },
    { name: 'a self-loop taken at a node never reached again is ignored', a: atPlan, b: { ...atPlan, taken: [] }, same: true },
    { name: 'the connection is kept', a: atHistory, b: { ...atHistory, connection: audio }, same: false },
  ])('$name', ({ a, b, same }) => {
    expect(key(a) === key(b)).toBe(same);
  });
});
