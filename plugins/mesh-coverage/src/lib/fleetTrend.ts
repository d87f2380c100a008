import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  CoverageHistoryPoint,
  FleetAdoption,
  FleetHistoryPoint,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** One row of the trend chart: a snapshot's time (epoch ms) and its figures. */
export interface TrendRow {
  at: number;
  components: number;
  /** Null when no component in the selection requires anything: the line breaks there. */
  coverage: number | null;
  gaps: number;
}

/** History points as chart rows, oldest first; points with an unreadable time are left out. */
export function trendRows(points: readonly FleetHistoryPoint[]): TrendRow[] {
  return points
    .map(point => ({
      at: Date.parse(point.at),
      components: point.components,
      coverage: point.coverage,
      gaps: point.gaps,
    }))
    .filter(row => !Number.isNaN(row.at))
    .sort((a, b) => a.at - b.at);
}

/** First and last rows of a trend, for its accessible summary; undefined below two rows. */
export function trendSummary(rows: readonly TrendRow[]):
  | {
      from: number;
      to: number;
      coverageFrom: number | null;
      coverageTo: number | null;
      gapsFrom: number;
      gapsTo: number;
    }
  | undefined {
  if (rows.length < 2) {
    return undefined;
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    from: first.at,
    to: last.at,
    coverageFrom: first.coverage,
    coverageTo: last.coverage,
    gapsFrom: first.gaps,
    gapsTo: last.gaps,
  };
}

/** A day and time in the app's language, e.g. "May 14, 2026, 12:00 PM" or 「2026年5月14日 12:00」. */
export function formatDateTime(
  time: string | number,
  language: string,
  timeZone?: string,
): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) {
    return String(time);
  }
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** A day in the app's language, e.g. "May 14" (the chart's axis ticks). */
export function formatDay(
  time: number,
  language: string,
  timeZone?: string,
): string {
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    timeZone,
  }).format(new Date(time));
}

/** An owner ref as people read it (`commerce-team` for `group:default/commerce-team`). */
export function ownerName(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

/**
 * The catalog's component list filtered to one owner. `filters[user]=all`: without it the
 * catalog starts from "owned by me" and would show only the viewer's own components.
 */
export function ownerComponentsUrl(ownerRef: string): string {
  const query = new URLSearchParams({
    'filters[kind]': 'component',
    'filters[owners]': ownerRef,
    'filters[user]': 'all',
  });
  return `/catalog?${query}`;
}

/** The parameters of the adoption sentence ("Moving to X takes N implementations off T teams…"). */
export function adoptionSentenceParams(
  adoption: FleetAdoption,
  meshName: string,
): {
  mesh: string;
  implementations: number;
  teams: number;
  closed: number;
  opened: number;
} {
  return {
    mesh: meshName,
    implementations: adoption.implementationsRemoved,
    teams: adoption.teams,
    closed: adoption.gapsClosed,
    opened: adoption.gapsOpened,
  };
}

/** One owner's part of the adoption case; zeros when it has no figure other than zero. */
export function ownerAdoption(
  adoption: FleetAdoption,
  owner: string,
): Omit<FleetAdoption['byOwner'][number], 'owner'> {
  const figures = adoption.byOwner.find(entry => entry.owner === owner);
  return {
    implementationsRemoved: figures?.implementationsRemoved ?? 0,
    gapsClosed: figures?.gapsClosed ?? 0,
    gapsOpened: figures?.gapsOpened ?? 0,
  };
}

/** One row of a component's history table. */
export interface CoverageChangeRow extends CoverageHistoryPoint {
  /** What differs from the point before: the first point differs in nothing. */
  changed: ('mesh' | 'coverage' | 'gaps')[];
}

/** A component's step series as the rows of its changes table, newest first. */
export function coverageChangeRows(
  points: readonly CoverageHistoryPoint[],
): CoverageChangeRow[] {
  const sorted = [...points].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  return sorted
    .map((point, i) => {
      const before = sorted[i - 1];
      const changed: CoverageChangeRow['changed'] = [];
      if (before) {
        if (before.mesh !== point.mesh) changed.push('mesh');
        if (before.coverage !== point.coverage) changed.push('coverage');
        if (before.gaps !== point.gaps) changed.push('gaps');
      }
      return { ...point, changed };
    })
    .reverse();
}
