import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  MatrixCategory,
  rankTools,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { meshCoverageApiRef } from '../../api';
import { isNotAllowed } from '../../lib/notAllowed';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useMatrix } from '../../hooks/useMatrix';
import { localize } from '../../lib/localize';
import { readIdList } from '../../lib/viewState';
import { meshCoverageTranslationRef } from '../../translation';
import { HeaderRow } from '../HeaderRow';
import { MatrixText } from '../MatrixText';

const NEED_PARAM = 'need';

/** Each responsibility once, under the first section that lists it (mTLS is in 04 and 05). */
function pickerSections(categories: MatrixCategory[]) {
  const seen = new Set<string>();
  return categories
    .map(category => {
      const ids = category.groups
        .flatMap(g => g.responsibilityIds)
        .filter(id => !seen.has(id) && Boolean(seen.add(id)));
      return { category, ids };
    })
    .filter(section => section.ids.length > 0);
}

const useStyles = makeStyles(theme => ({
  categories: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    margin: theme.spacing(2, 0),
  },
  category: { minWidth: 240, maxWidth: 360 },
  actions: {
    display: 'flex',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  leaves: { margin: 0, paddingLeft: theme.spacing(2) },
  alternative: { display: 'block', color: theme.palette.text.secondary },
}));

/** Pick the responsibilities you need; see the meshes ranked by how many they cover. */
export function RecommendationTab() {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const api = useApi(meshCoverageApiRef);
  const { loading, error, matrix, index } = useMatrix();
  const { appLanguage: language } = useAppMatrixLanguage();
  const [params, setParams] = useSearchParams();
  const [fleetError, setFleetError] = useState<Error>();
  const needs = readIdList(params, NEED_PARAM).filter(
    id => index?.position(id) !== undefined,
  );
  const ranking = useMemo(
    () => (index && needs.length ? rankTools(index, needs) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, needs.join(',')],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!matrix || !index) {
    return null;
  }
  const setNeeds = (ids: string[]) => {
    const next = new URLSearchParams(params);
    const ordered = index.responsibilityIds.filter(id => ids.includes(id));
    if (ordered.length) {
      next.set(NEED_PARAM, ordered.join(','));
    } else {
      next.delete(NEED_PARAM);
    }
    setParams(next, { replace: true });
  };
  const toggle = (id: string) =>
    setNeeds(needs.includes(id) ? needs.filter(n => n !== id) : [...needs, id]);
  const takeFromFleet = async () => {
    setFleetError(undefined);
    try {
      const fleet = await api.getFleet();
      setNeeds(
        fleet.responsibilities
          .filter(r => r.required > 0)
          .map(r => r.responsibilityId),
      );
    } catch (e) {
      setFleetError(e as Error);
    }
  };
  const title = (id: string) =>
    localize(
      matrix.responsibilities.find(r => r.id === id)?.title,
      language,
    ).replace(/\s*\n\s*/g, ' ');

  return (
    <>
      <Typography>{t('recommendation.intro')}</Typography>
      <div className={classes.categories}>
        {pickerSections(matrix.categories).map(({ category, ids }) => {
          return (
            <FormControl
              key={category.id}
              component="fieldset"
              className={classes.category}
            >
              <FormLabel component="legend">
                {localize(category.title, language)}
              </FormLabel>
              <FormGroup>
                {ids.map(id => (
                  <FormControlLabel
                    key={id}
                    control={
                      <Checkbox
                        size="small"
                        name={id}
                        checked={needs.includes(id)}
                        onChange={() => toggle(id)}
                      />
                    }
                    label={title(id)}
                  />
                ))}
              </FormGroup>
            </FormControl>
          );
        })}
      </div>
      <div className={classes.actions}>
        <Button
          variant="outlined"
          color="primary"
          onClick={takeFromFleet}
          disabled={isNotAllowed(fleetError)}
        >
          {t('recommendation.fromFleet')}
        </Button>
        <Button variant="outlined" onClick={() => setNeeds([])}>
          {t('recommendation.clear')}
        </Button>
      </div>
      {/* Without the fleet's figures the tab works as before: needs are picked by hand. */}
      {isNotAllowed(fleetError) && (
        <Typography color="textSecondary">
          {t('recommendation.fleetNotAllowed')}
        </Typography>
      )}
      {fleetError && !isNotAllowed(fleetError) && (
        <ResponseErrorPanel error={fleetError} />
      )}
      {ranking.length === 0 ? (
        <Typography>{t('recommendation.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={t('recommendation.needs')}>
          <HeaderRow
            labels={[
              t('recommendation.rank'),
              t('recommendation.tool'),
              t('recommendation.covers'),
              t('recommendation.leaves'),
            ]}
          />
          <TableBody>
            {ranking.map((entry, position) => (
              <TableRow key={entry.toolId} data-tool={entry.toolId}>
                <TableCell>{position + 1}</TableCell>
                <TableCell component="th" scope="row">
                  {index.tool(entry.toolId)?.name ?? entry.toolId}
                </TableCell>
                <TableCell>
                  {t('recommendation.coversCount', {
                    covered: String(entry.coveredCount),
                    required: String(entry.requiredCount),
                  })}
                </TableCell>
                <TableCell>
                  {entry.uncovered.length === 0 ? (
                    t('recommendation.nothingLeft')
                  ) : (
                    <ul className={classes.leaves}>
                      {entry.uncovered.map(item => (
                        <li key={item.responsibilityId}>
                          {title(item.responsibilityId)}
                          {item.alternative && (
                            <span className={classes.alternative}>
                              {t('recommendation.alternative')}{' '}
                              <MatrixText
                                text={item.alternative}
                                language={language}
                              />
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
