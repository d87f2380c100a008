import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  builtinEdition,
  markClaimsToRecheck,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { meshCoverageApiRef } from '../../api';
import {
  servedCurrentMatrix,
  servedMatrix,
} from '../../__testUtils__/fixtures';
import { mockMeshCoverageApi } from '../../__testUtils__/mockApi';
import { ComparisonTab } from './ComparisonTab';

const SEED_MATRIX = builtinEdition('seed').matrix;

/** Captures downloaded files instead of letting jsdom try to navigate to them. */
function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:download';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

function render(options: { route?: string; matrix?: MeshMatrix } = {}) {
  const api = mockMeshCoverageApi({ matrix: servedMatrix(options.matrix) });
  return renderInTestApp(
    <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
      <ComparisonTab />
    </TestApiProvider>,
    { routeEntries: [options.route ?? '/'] },
  );
}

/** The rows shown: those a filter leaves out stay in the document, hidden. */
const rowHeaders = () =>
  [...document.querySelectorAll('tbody tr:not([hidden]) th[scope="row"]')].map(
    th => th.textContent,
  );
const heading = (name: string) => screen.findByRole('heading', { name });

describe('ComparisonTab', () => {
  it('shows every tool and responsibility in tables with column and row headers', async () => {
    await render();
    await screen.findByText('Protocols');
    const columnHeaders = new Set(
      screen.getAllByRole('columnheader').map(th => th.textContent),
    );
    for (const name of [
      'Istio',
      'Linkerd',
      'Consul',
      'AWS VPC Lattice',
      'Cilium',
      'Kiali',
      'X-Ray',
    ]) {
      expect(columnHeaders).toContain(name);
    }
    expect([...columnHeaders].some(h => h?.startsWith('Kubernetes'))).toBe(
      true,
    );
    // 35 responsibilities; mTLS is listed under both 04 and 05, as in the source.
    expect(rowHeaders()).toHaveLength(36);
    expect(new Set(rowHeaders()).size).toBe(35);
    expect(screen.getAllByRole('columnheader')[0]).toHaveAttribute(
      'scope',
      'col',
    );
  });

  it('shows support as an icon and a text label, notes and the no-mesh alternative', async () => {
    await render();
    await screen.findByText('Protocols');
    const mtlsRow = document.querySelector('tr[data-responsibility="mtls"]')!;
    const istio = mtlsRow.querySelector('[data-tool="istio"]')!;
    expect(istio).toHaveTextContent('Supported');
    expect(istio).toHaveTextContent('(replaceable with SPIFFE)');
    expect(istio.querySelector('svg')).not.toBeNull();
    expect(mtlsRow.querySelector('[data-tool="kubernetes"]')).toHaveTextContent(
      'Mutual TLS tooling (e.g. SPIFFE)',
    );
    expect(mtlsRow.querySelector('[data-tool="linkerd"]')).toHaveTextContent(
      'Supported',
    );
    const routing = document.querySelector(
      'tr[data-responsibility="routing"]',
    )!;
    expect(routing.querySelector('[data-tool="linkerd"]')).toHaveTextContent(
      'Not supported',
    );
    expect(screen.getByRole('heading', { name: 'Legend' })).toBeInTheDocument();
  });

  it('filters from the URL and as the user types', async () => {
    await render({ route: '/?q=circuit' });
    await heading('03. Resilience management');
    expect(rowHeaders()).toEqual(['Circuit breaker']);
    const filter = screen.getByLabelText('Filter responsibilities');
    fireEvent.change(filter, { target: { value: 'サーキット' } });
    expect(rowHeaders()).toEqual(['Circuit breaker']);
    fireEvent.change(filter, { target: { value: 'no such thing' } });
    expect(
      screen.getByText('No responsibility matches the filter.'),
    ).toBeInTheDocument();
  });

  it('shows differences only', async () => {
    await render();
    await screen.findByText('Protocols');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Differences only' }),
    );
    expect(rowHeaders()).toHaveLength(14);
    expect(screen.getByText('TCP')).not.toBeVisible();
  });

  it('compares only the chosen tools', async () => {
    await render({ route: '/?tools=istio,linkerd' });
    await screen.findByText('Protocols');
    const headers = screen
      .getAllByRole('columnheader')
      .map(th => th.textContent);
    expect(new Set(headers)).toEqual(
      new Set(['Responsibility', 'Istio', 'Linkerd']),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Consul' }));
    expect(
      screen.getAllByRole('columnheader').map(th => th.textContent),
    ).toContain('Consul');
  });

  it('switches the matrix text to Japanese', async () => {
    await render();
    await screen.findByText('Protocols');
    await userEvent.click(screen.getByRole('button', { name: '日本語' }));
    expect(await screen.findByText('プロトコル')).toBeInTheDocument();
    expect(screen.getByText('サーキットブレイカー')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('reproduces a shared view in Japanese', async () => {
    await render({
      route: '/?lang=ja&diff=1&q=%E3%82%B5%E3%82%A4%E3%83%89%E3%82%AB%E3%83%BC',
    });
    expect(await screen.findByText('サイドカーパターン')).toBeInTheDocument();
    expect(rowHeaders()).toEqual([
      'サイドカーパターン',
      'サイドカーレスパターン',
    ]);
  });

  it('exports the view as CSV', async () => {
    const blobs = captureDownloads();
    await render({ route: '/?q=jwt' });
    await heading('04. Authentication and authorization of traffic');
    await userEvent.click(
      screen.getByRole('button', { name: 'Export view (CSV)' }),
    );
    const text = await blobs[0].text();
    expect(text.split('\r\n')[1]).toMatch(
      /^Authentication and authorization of traffic,.*,jwt-auth,Bearer authentication with JWT,/,
    );
  });

  it('exports the whole matrix as JSON without meta, ready to load back', async () => {
    const blobs = captureDownloads();
    await render({ route: '/?q=jwt' });
    await heading('04. Authentication and authorization of traffic');
    await userEvent.click(
      screen.getByRole('button', { name: 'Export matrix (JSON)' }),
    );
    expect(JSON.parse(await blobs[0].text())).toEqual(SEED_MATRIX);
  });

  it('renders hostile matrix text as text, never as markup', async () => {
    const hostile: MeshMatrix = JSON.parse(JSON.stringify(SEED_MATRIX));
    const payload = '<img src=x onerror=alert(1)>';
    hostile.cells.find(
      c => c.toolId === 'istio' && c.responsibilityId === 'mtls',
    )!.note = {
      en: payload,
      ja: payload,
    };
    hostile.cells.find(
      c => c.toolId === 'linkerd' && c.responsibilityId === 'mtls',
    )!.source = ['javascript', 'alert(1)'].join(':');
    const { container } = await render({
      matrix: hostile,
      route: '/?q=mutual',
    });
    await heading('04. Authentication and authorization of traffic');
    expect(screen.getAllByText(payload)).toHaveLength(2);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('warns when the last refresh of the matrix failed', async () => {
    const api = mockMeshCoverageApi({
      matrix: {
        ...servedMatrix(),
        meta: {
          source: './matrix.yaml',
          loadedAt: '2026-11-24T10:00:00.000Z',
          version: 'v1',
          error: {
            message: "cells[3].toolId: unknown tool 'istoi'",
            at: '2026-11-24T11:00:00.000Z',
          },
        },
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
        <ComparisonTab />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(
        screen.getByText(/The latest refresh of the matrix failed/),
      ).toBeInTheDocument(),
    );
    expect(screen.getByText(/unknown tool 'istoi'/)).toBeInTheDocument();
  });

  it('shows an API error', async () => {
    const api = mockMeshCoverageApi({
      getMatrix: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
        <ComparisonTab />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Error: backend down')).toBeInTheDocument();
  });

  describe('editions', () => {
    /** The API serves the current edition by default and either edition on request. */
    async function renderEditions(route = '/') {
      const seed = servedMatrix();
      seed.meta = {
        ...seed.meta,
        edition: 'seed',
        editions: servedCurrentMatrix().meta.editions,
      };
      const api = mockMeshCoverageApi({
        getMatrix: jest.fn(async (options?: { edition?: string }) =>
          options?.edition === 'seed' ? seed : servedCurrentMatrix(),
        ),
      });
      await renderInTestApp(
        <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
          <ComparisonTab />
        </TestApiProvider>,
        { routeEntries: [route] },
      );
      return { api };
    }
    const cell = (responsibilityId: string, toolId: string) =>
      document.querySelector(
        `tr[data-responsibility="${responsibilityId}"] [data-tool="${toolId}"]`,
      )!;

    it('marks a changed cell with the document’s value, the version, the source link and the claim’s age', async () => {
      await renderEditions();
      await screen.findByText('Protocols');
      const circuitBreaker = cell('circuit-breaker', 'linkerd');
      expect(circuitBreaker).toHaveAttribute('data-changed', 'true');
      expect(circuitBreaker).toHaveTextContent('Changed');
      expect(circuitBreaker).toHaveTextContent('Supported');
      expect(circuitBreaker).toHaveTextContent('since stable-2.13.0');
      expect(circuitBreaker).toHaveTextContent(/verified \d{4}-\d{2}-\d{2} \(/);
      expect(circuitBreaker.querySelector('[data-replaced]')).toHaveTextContent(
        'Source document: Not supported',
      );
      expect(
        within(circuitBreaker as HTMLElement).getByRole('link', {
          name: /^source/,
        }),
      ).toHaveAttribute(
        'href',
        expect.stringMatching(/^https:\/\/linkerd\.io\//),
      );
      // A claim within the max age is not marked for a re-check.
      expect(circuitBreaker.querySelector('[data-recheck]')).toBeNull();
      // A cell no claim touched carries no mark.
      expect(cell('mtls', 'linkerd')).not.toHaveAttribute('data-changed');
      // A cell the document lacked says so.
      expect(
        cell('mtls', 'cilium').querySelector('[data-replaced]'),
      ).toHaveTextContent('Source document: not compared');
    });

    it('says “re-check” beside the claims the backend marked too old, and the limit in force', async () => {
      const served = servedCurrentMatrix();
      // Served a year after the edition: every dated claim is past 180 days.
      const aged = markClaimsToRecheck(served, 180, new Date('2027-12-31'));
      const api = mockMeshCoverageApi({
        getMatrix: jest.fn(async () => ({
          ...aged,
          meta: { ...served.meta, claimMaxAge: { days: 180 } },
        })),
      });
      await renderInTestApp(
        <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
          <ComparisonTab />
        </TestApiProvider>,
      );
      await screen.findByText('Protocols');
      expect(
        cell('circuit-breaker', 'linkerd').querySelector('[data-recheck]'),
      ).toHaveTextContent('re-check');
      // The source document's own cells have no date and are never marked.
      expect(
        cell('mtls', 'linkerd').querySelector('[data-recheck]'),
      ).toBeNull();
      const header = document.querySelector('th[data-column="kuma"]')!;
      expect(header.querySelector('[data-recheck]')).toHaveTextContent(
        're-check',
      );
      expect(
        screen.getByText(/Claims checked more than 180 days ago/),
      ).toBeInTheDocument();
    });

    it('shows each tool’s licence, governance, checked version and status in its column header', async () => {
      await renderEditions();
      await screen.findByText('Protocols');
      const consul = screen
        .getAllByRole('columnheader')
        .find(th => th.textContent?.startsWith('Consul'))!;
      expect(consul).toHaveTextContent('Business Source License');
      expect(consul).toHaveTextContent('checked against');
      const lattice = screen
        .getAllByRole('columnheader')
        .find(th => th.textContent?.startsWith('AWS VPC Lattice'))!;
      expect(lattice).toHaveTextContent('2026-09-30');
    });

    it('switches to the source document and back', async () => {
      const { api } = await renderEditions();
      await screen.findByText('Protocols');
      expect(
        screen.getByRole('button', { name: /^Current, checked/ }),
      ).toHaveAttribute('aria-pressed', 'true');
      await userEvent.click(
        screen.getByRole('button', { name: 'Source document' }),
      );
      await waitFor(() =>
        expect(api.getMatrix).toHaveBeenLastCalledWith({ edition: 'seed' }),
      );
      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: 'Source document' }),
        ).toHaveAttribute('aria-pressed', 'true'),
      );
      expect(cell('circuit-breaker', 'linkerd')).not.toHaveAttribute(
        'data-changed',
      );
      expect(cell('circuit-breaker', 'linkerd')).toHaveTextContent(
        'Not supported',
      );
    });

    it('filters to the rows changed since the source document', async () => {
      await renderEditions('/?changed=1');
      await screen.findByText('Protocols');
      const rows = [...document.querySelectorAll('tbody tr:not([hidden])')];
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) {
        expect(row.querySelector('[data-changed]')).not.toBeNull();
      }
      expect(
        document.querySelector(
          'tr[data-responsibility="protocol-tcp"]:not([hidden])',
        ),
      ).not.toBeNull(); // Cilium's new cell, VPC Lattice's correction
    });
  });
});
