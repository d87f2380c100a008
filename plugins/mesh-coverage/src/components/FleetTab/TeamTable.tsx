import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  FleetAdoption,
  FleetOwner,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { Table, TableBody, TableCell, TableRow } from '@material-ui/core';
import {
  ownerAdoption,
  ownerComponentsUrl,
  ownerName,
} from '../../lib/fleetTrend';
import { meshCoverageTranslationRef } from '../../translation';
import { HeaderRow } from '../HeaderRow';

/**
 * One row per owner, as the backend sorts them (most gaps first); in a what-if, also each
 * owner's part of the adoption case.
 */
export function TeamTable(props: {
  owners: FleetOwner[];
  adoption?: FleetAdoption;
  toolName: (id: string) => string;
}) {
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { owners, adoption, toolName } = props;
  return (
    <Table size="small" aria-label={t('fleet.teams.title')}>
      <HeaderRow
        labels={[
          t('fleet.teams.owner'),
          t('fleet.teams.components'),
          t('fleet.teams.meanCoverage'),
          t('fleet.teams.gaps'),
          t('fleet.teams.app'),
          t('fleet.teams.meshes'),
          ...(adoption
            ? [
                t('fleet.teams.removed'),
                t('fleet.teams.closed'),
                t('fleet.teams.opened'),
              ]
            : []),
          t('fleet.teams.catalog'),
        ]}
      />
      <TableBody>
        {owners.map(row => {
          const figures = adoption && ownerAdoption(adoption, row.owner);
          return (
            <TableRow key={row.owner} data-owner={row.owner}>
              <TableCell component="th" scope="row">
                {row.owner ? (
                  <EntityRefLink entityRef={row.owner} defaultKind="group" />
                ) : (
                  t('fleet.teams.noOwner')
                )}
              </TableCell>
              <TableCell>{row.components}</TableCell>
              <TableCell>
                {row.meanCoverage === null
                  ? t('fleet.teams.noValue')
                  : `${row.meanCoverage} %`}
              </TableCell>
              <TableCell>{row.gaps}</TableCell>
              <TableCell>{row.implementedByApp}</TableCell>
              <TableCell>{row.meshes.map(toolName).join(', ')}</TableCell>
              {figures && (
                <>
                  <TableCell>{figures.implementationsRemoved}</TableCell>
                  <TableCell>{figures.gapsClosed}</TableCell>
                  <TableCell>{figures.gapsOpened}</TableCell>
                </>
              )}
              <TableCell>
                {/* The catalog cannot filter on "no owner". */}
                {row.owner && (
                  <Link
                    to={ownerComponentsUrl(row.owner)}
                    aria-label={t('fleet.teams.componentsOf', {
                      owner: ownerName(row.owner),
                    })}
                  >
                    {t('fleet.teams.viewComponents')}
                  </Link>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
