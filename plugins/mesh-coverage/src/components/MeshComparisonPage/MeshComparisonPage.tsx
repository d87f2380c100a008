import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { memo } from 'react';
import { ComparisonTab } from '../ComparisonTab';
import { FleetTab } from '../FleetTab';
import { RecommendationTab } from '../RecommendationTab';
import { meshCoverageTranslationRef } from '../../translation';

/** The comparison, recommendation and fleet views, a tab each. */
function MeshComparisonContent() {
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={t('tabs.comparison')}>
        <ComparisonTab />
      </TabbedLayout.Route>
      <TabbedLayout.Route
        path="/recommendation"
        title={t('tabs.recommendation')}
      >
        <RecommendationTab />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/fleet" title={t('tabs.fleet')}>
        <FleetTab />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}

/**
 * Memoized: the router re-renders the page on every change of the URL (the comparison keeps its
 * view state there, so on every filter keystroke), and a re-rendered `Page` makes a new page
 * theme, which rebuilds the style sheets of everything in it.
 */
const MeshComparisonPageShell = memo(function PageShell() {
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>
        <MeshComparisonContent />
      </Content>
    </Page>
  );
});

/** The page mounted at `/mesh-comparison`. */
export const MeshComparisonPage = () => <MeshComparisonPageShell />;
