import { Content, Header, Page } from '@backstage/core-components';
import { BUILTIN_MATRIX } from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * First cut of the comparison page: the built-in matrix's tools and responsibilities as a plain
 * list. The full comparison (grouped tables, language switch, filters, exports) replaces it.
 */
export const MeshComparisonPage = () => (
  <Page themeId="tool">
    <Header
      title="Mesh comparison"
      subtitle="Which infrastructure responsibilities each service mesh takes off your app teams"
    />
    <Content>
      <h2>Tools</h2>
      <ul>
        {BUILTIN_MATRIX.tools.map(tool => (
          <li key={tool.id}>{tool.name}</li>
        ))}
      </ul>
      <h2>Responsibilities</h2>
      <ul>
        {BUILTIN_MATRIX.responsibilities.map(r => (
          <li key={r.id}>{r.title.en}</li>
        ))}
      </ul>
    </Content>
  </Page>
);
