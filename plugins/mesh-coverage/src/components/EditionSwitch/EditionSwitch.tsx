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
export function plainEdition(meta: MatrixMeta): MatrixEdition | undefined {
  return meta.overlays?.length ? undefined : meta.edition;
}

/**
 * Switches the comparison between the source document and the current edition. Shows the
 * edition in view, or says that the portal serves its own matrix.
 */
export function EditionSwitch(props: {
  meta: MatrixMeta;
  onChange: (edition: MatrixEdition) => void;
}) {
  const { meta } = props;
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const shown = plainEdition(meta);
  const dates = new Map(
    (meta.editions ?? []).map(({ edition, date }) => [edition, date]),
  );
  const label = (edition: MatrixEdition) => {
    if (edition === 'seed') {
      return t('edition.seed');
    }
    const date = dates.get(edition);
    return date ? t('edition.currentDated', { date }) : t('edition.current');
  };
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{t('edition.label')}</FormLabel>
      <ButtonGroup size="small" aria-label={t('edition.label')}>
        {MATRIX_EDITIONS.map(edition => (
          <Button
            key={edition}
            data-edition={edition}
            aria-pressed={shown === edition}
            variant={shown === edition ? 'contained' : 'outlined'}
            color="primary"
            onClick={() => props.onChange(edition)}
          >
            {label(edition)}
          </Button>
        ))}
      </ButtonGroup>
      <Typography variant="caption" color="textSecondary" component="p">
        {shown
          ? t(
              shown === 'seed'
                ? 'edition.seedDescription'
                : 'edition.currentDescription',
            )
          : [
              t('edition.custom', { source: meta.source }),
              meta.overlays?.length
                ? t('edition.overlays', { overlays: meta.overlays.join(', ') })
                : '',
            ].join(' ')}
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
  const edition = plainEdition(meta);
  const text = edition
    ? t('card.edition', { edition: t(`card.editionNames.${edition}`) })
    : t('card.editionCustom', { source: meta.source });
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="mesh-coverage-edition"
    >
      {edition && meta.editionDate ? `${text} (${meta.editionDate})` : text}
    </Typography>
  );
}
