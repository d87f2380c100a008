import { Entity } from '@backstage/catalog-model';
import { computedCoverage } from './computedCoverage';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', annotations },
});

describe('computedCoverage', () => {
  it('reads the percentage the processor wrote', () => {
    expect(computedCoverage(entity({ 'meshcoverage.io/coverage': '86' }))).toBe(
      86,
    );
    expect(computedCoverage(entity({ 'meshcoverage.io/coverage': '0' }))).toBe(
      0,
    );
  });

  it('gives nothing for an absent or malformed value', () => {
    expect(computedCoverage(entity({}))).toBeUndefined();
    for (const value of ['', '101', '-5', '12.5', '<b>9</b>', '1e2']) {
      expect(
        computedCoverage(entity({ 'meshcoverage.io/coverage': value })),
      ).toBeUndefined();
    }
  });
});
