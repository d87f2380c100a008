import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ComparisonTab } from '../ComparisonTab';
import { FleetTab } from '../FleetTab';
import { RecommendationTab } from '../RecommendationTab';
import { meshCoverageTranslationRef } from '../../translation';

/** The comparison, recommendation and fleet views, a tab each. */
export function MeshComparisonContent() {
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

/** The page mounted at `/mesh-comparison`. */
export const MeshComparisonPage = () => {
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>
        <MeshComparisonContent />
      </Content>
    </Page>
  );
};
