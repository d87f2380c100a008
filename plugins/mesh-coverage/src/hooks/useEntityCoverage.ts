import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageApiRef } from '../api';
import { isMeshCoverageAvailable } from '../conditions';

/** The coverage report of the entity on the page, when it declares mesh coverage. */
export function useEntityCoverage() {
  const { entity } = useEntity();
  const api = useApi(meshCoverageApiRef);
  const entityRef = stringifyEntityRef(entity);
  const available = isMeshCoverageAvailable(entity);
  const state = useAsync(
    async () => (available ? api.getCoverage(entityRef) : undefined),
    [api, entityRef, available],
  );
  return { entity, available, ...state, report: state.value };
}
