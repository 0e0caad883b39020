import { TemplateKey } from '../../shared/notifications/schemas';
import { readConfig, readTemplates } from './config';

describe('readTemplates (WECHAT_TEMPLATES)', () => {
  it('gives the local stack a distinct stand-in id for every template key', () => {
    const ids = readTemplates(undefined, true);
    expect(Object.keys(ids).sort()).toEqual([...TemplateKey.options].sort());
    expect(new Set(Object.values(ids)).size).toBe(TemplateKey.options.length);
    expect(ids.fiveListsProgress).toBe('local-five-lists-progress');
  });

  it('sends in the cloud only what it is given, and lets the local stack override a stand-in id', () => {
    expect(readTemplates('', false)).toEqual({});
    expect(readTemplates('{"matterOutcome":"Tmpl-9xQ"}', false)).toEqual({ matterOutcome: 'Tmpl-9xQ' });
    expect(readTemplates('{"matterOutcome":"Tmpl-9xQ"}', true).matterOutcome).toBe('Tmpl-9xQ');
    expect(readTemplates('{"matterOutcome":"Tmpl-9xQ"}', true).sessionReminder).toBe('local-session-reminder');
  });

  it('stops at start on a malformed value, saying what is wrong', () => {
    expect(() => readTemplates('{matterOutcome:1}', false)).toThrow(/must be JSON/);
    expect(() => readTemplates('{"matterOutcom":"x"}', false)).toThrow(/unknown template key matterOutcom/);
    expect(() => readTemplates('{"matterOutcome":""}', false)).toThrow(/matterOutcome/);
    expect(() => readTemplates('["x"]', false)).toThrow(/WECHAT_TEMPLATES/);
  });

  it('is what readConfig uses', () => {
    expect(readConfig({ LINLI_ENV: 'local', WECHAT_TEMPLATES: '{"eventReminder":"T-1"}' }).templates.eventReminder).toBe('T-1');
  });
});
