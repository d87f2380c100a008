import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  MATRIX_EDITIONS,
  MatrixEdition,
  MatrixMeta,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Button,
  ButtonGroup,
  FormControl,
  FormLabel,
  Typography,
} from '@material-ui/core';
import { meshCoverageTranslationRef } from '../../translation';

/** The edition a served matrix is, when it is a built-in edition as it ships. */
function plainEdition(meta: MatrixMeta): MatrixEdition | undefined {
  return meta.overlays?.length ? undefined : meta.edition;
}

/** What the switch offers: the portal's own matrix (when it is not a plain edition), then the editions. */
export type EditionChoice = MatrixEdition | 'served';

/**
 * Switches the comparison between the source document and the current edition, and back to the
 * portal's own matrix when it serves one (an operator's file, or an edition with overlays).
 */
export function EditionSwitch(props: {
  /** `meta` of the matrix the portal serves. */
  served: MatrixMeta;
  /** The edition the view asks for; undefined: the served matrix. */
  requested?: MatrixEdition;
  onChange: (edition: MatrixEdition | undefined) => void;
}) {
  const { served, requested } = props;
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const servedEdition = plainEdition(served);
  const choices: EditionChoice[] = servedEdition
    ? [...MATRIX_EDITIONS]
    : ['served', ...MATRIX_EDITIONS];
  const shown: EditionChoice = requested ?? servedEdition ?? 'served';
  const dates = new Map(
    (served.editions ?? []).map(({ edition, date }) => [edition, date]),
  );
  const label = (choice: EditionChoice) => {
    if (choice === 'served') {
      return t('edition.served');
    }
    if (choice === 'seed') {
      return t('edition.seed');
    }
    const date = dates.get(choice);
    return date ? t('edition.currentDated', { date }) : t('edition.current');
  };
  const describe = () => {
    if (shown === 'seed') {
      return t('edition.seedDescription');
    }
    if (shown === 'current') {
      return t('edition.currentDescription');
    }
    const base = served.edition
      ? t(`card.editionNames.${served.edition}`)
      : served.source;
    return served.overlays?.length
      ? t('edition.servedWithOverlays', {
          base,
          overlays: served.overlays.join(', '),
        })
      : t('edition.servedOwn', { source: served.source });
  };
  const choose = (choice: EditionChoice) =>
    props.onChange(
      choice === 'served' || choice === servedEdition ? undefined : choice,
    );
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{t('edition.label')}</FormLabel>
      <ButtonGroup size="small" aria-label={t('edition.label')}>
        {choices.map(choice => (
          <Button
            key={choice}
            data-edition={choice}
            aria-pressed={shown === choice}
            variant={shown === choice ? 'contained' : 'outlined'}
            color="primary"
            onClick={() => choose(choice)}
          >
            {label(choice)}
          </Button>
        ))}
      </ButtonGroup>
      <Typography variant="caption" color="textSecondary" component="p">
        {describe()}
      </Typography>
    </FormControl>
  );
}

/** Which matrix an entity's figures come from: a built-in edition (with its date) or the portal's own. */
export function EditionNote(props: { meta: MatrixMeta | undefined }) {
  const { meta } = props;
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  if (!meta) {
    return null;
  }
  const { edition } = meta;
  let text: string = t('card.editionCustom', { source: meta.source });
  if (edition) {
    const name = t(`card.editionNames.${edition}`);
    text = meta.overlays?.length
      ? t('card.editionWithOverlays', { edition: name })
      : t('card.edition', { edition: name });
  }
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="mesh-coverage-edition"
    >
      {meta.editionDate ? `${text} (${meta.editionDate})` : text}
    </Typography>
  );
}
