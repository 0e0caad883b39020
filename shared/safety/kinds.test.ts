import { existsSync } from 'node:fs';
import path from 'node:path';
import { safetyLedger, streetFrontsLedger } from './figures';
import { safetyKindDefs } from './kinds';
import { siteTypeDefs, siteTypes } from './siteTypes';

describe('safety data', () => {
  it('gives every site type a checklist with unique item ids and a rectification time of at least a day', () => {
    for (const type of siteTypes) {
      // Act
      const ids = siteTypeDefs[type].checklist.map((c) => c.id);
      // Assess
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(5);
      expect(siteTypeDefs[type].checklist.every((c) => c.deadlineDays >= 1 && /^[A-Za-z]+$/.test(c.id))).toBe(true);
    }
  });

  it('moves each case kind only between the states it declares, and closes each through some action', () => {
    for (const kind of Object.values(safetyKindDefs)) {
      const states = new Set(kind.states.map((s) => s.state));
      expect(states.has(kind.initial)).toBe(true);
      for (const a of kind.actions) for (const s of [...a.from, a.to]) expect(states.has(s)).toBe(true);
      const closed = kind.states.filter((s) => !s.open).map((s) => s.state);
      expect(kind.actions.some((a) => closed.includes(a.to))).toBe(true);
    }
  });

  it("links the work summary's safety and street-front figures to pages the app has", () => {
    for (const def of [safetyLedger, streetFrontsLedger]) {
      // Act
      const page = def.recordsPage!.split('?')[0]!;
      // Assess
      expect(existsSync(path.join(__dirname, '../../miniprogram/src', `${page}.tsx`))).toBe(true);
    }
  });
});
