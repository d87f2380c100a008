import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { FleetAdoption } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Button,
  List,
  ListItem,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageApiRef } from '../../api';
import { adoptionSentenceParams } from '../../lib/fleetTrend';
import { meshCoverageTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  item: { gap: theme.spacing(2) },
}));

/** "Moving to Linkerd takes 37 implementations off 9 teams, closes 12 gaps, opens 3." */
export function useAdoptionSentence() {
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  return (adoption: FleetAdoption, meshName: string) => {
    const params = adoptionSentenceParams(adoption, meshName);
    return t('fleet.adoption.sentence', {
      mesh: params.mesh,
      implementations: t('fleet.adoption.implementations', {
        count: params.implementations,
      }),
      teams: t('fleet.adoption.teams', { count: params.teams }),
      closed: t('fleet.adoption.gaps', { count: params.closed }),
      opened: String(params.opened),
    });
  };
}

/**
 * The adoption case of every mesh, one what-if per mesh fetched in parallel. Only once a snapshot
 * exists (`snapshotAt`): the backend serves these from it; before, each would be a catalog read.
 */
export function AdoptionCases(props: {
  meshIds: string[];
  snapshotAt?: string;
  toolName: (id: string) => string;
  onSelect: (mesh: string) => void;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const api = useApi(meshCoverageApiRef);
  const sentence = useAdoptionSentence();
  const { meshIds, snapshotAt, toolName, onSelect } = props;
  const meshKey = meshIds.join(',');
  const { loading, value } = useAsync(async () => {
    if (!snapshotAt || !meshKey) {
      return undefined;
    }
    return Promise.all(
      meshKey.split(',').map(mesh =>
        api.getFleet({ whatIfMesh: mesh }).then(
          fleet => ({ mesh, adoption: fleet.adoption, error: undefined }),
          (error: Error) => ({ mesh, adoption: undefined, error }),
        ),
      ),
    );
  }, [api, meshKey, snapshotAt]);

  if (!snapshotAt) {
    return <Typography>{t('fleet.adoption.noSnapshot')}</Typography>;
  }
  if (loading) {
    return <Progress />;
  }
  const turnedOffToday = value?.find(v => v.adoption)?.adoption?.turnedOffToday;
  return (
    <>
      {!!turnedOffToday && (
        <Typography variant="body2" data-turned-off-today>
          {t('fleet.adoption.turnedOffToday', { count: turnedOffToday })}
        </Typography>
      )}
      <List dense aria-label={t('fleet.adoption.title')}>
        {value?.map(({ mesh, adoption, error }) => (
          <ListItem key={mesh} className={classes.item} data-mesh={mesh}>
            {adoption ? (
              <>
                <ListItemText primary={sentence(adoption, toolName(mesh))} />
                <Button size="small" onClick={() => onSelect(mesh)}>
                  {t('fleet.adoption.show', { mesh: toolName(mesh) })}
                </Button>
              </>
            ) : (
              <ListItemText
                primary={t('fleet.adoption.failed', {
                  mesh: toolName(mesh),
                  message: error?.message ?? '',
                })}
                primaryTypographyProps={{ color: 'error' }}
              />
            )}
          </ListItem>
        ))}
      </List>
    </>
  );
}
