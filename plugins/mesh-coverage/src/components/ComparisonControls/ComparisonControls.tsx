import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Language, MeshTool } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Button,
  ButtonGroup,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  makeStyles,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import { ComparisonViewState } from '../../lib/comparisonView';
import { meshCoverageTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    alignItems: 'flex-start',
    marginBottom: theme.spacing(2),
  },
  filter: { minWidth: 280 },
}));

interface ComparisonControlsProps {
  tools: MeshTool[];
  state: ComparisonViewState;
  onChange: (state: ComparisonViewState) => void;
  /** The filter text as typed (the page writes it to the URL when typing pauses). */
  onFilterChange: (filter: string) => void;
  onLanguageChange: (language: Language) => void;
  onExportCsv: () => void;
  onExportJson: () => void;
  shownCount: number;
  totalCount: number;
}

/** Language, tool choice, differences only, filter and exports of the comparison view. */
export function ComparisonControls(props: ComparisonControlsProps) {
  const { tools, state, onChange, shownCount, totalCount } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const selected = new Set(state.tools ?? tools.map(tool => tool.id));

  const toggleTool = (toolId: string) => {
    const next = new Set(selected);
    if (next.has(toolId)) {
      next.delete(toolId);
    } else {
      next.add(toolId);
    }
    const ids = tools.map(tool => tool.id).filter(id => next.has(id));
    onChange({
      ...state,
      tools: ids.length === tools.length ? undefined : ids,
    });
  };

  return (
    <div className={classes.root}>
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('language.label')}</FormLabel>
        <ButtonGroup size="small" aria-label={t('language.label')}>
          {(['ja', 'en'] as const).map(language => (
            <Button
              key={language}
              lang={language}
              aria-pressed={state.language === language}
              variant={state.language === language ? 'contained' : 'outlined'}
              color="primary"
              onClick={() => props.onLanguageChange(language)}
            >
              {t(`language.${language}`)}
            </Button>
          ))}
        </ButtonGroup>
      </FormControl>

      <FormControl component="fieldset">
        <FormLabel component="legend">{t('controls.tools')}</FormLabel>
        <FormGroup row>
          {tools.map(tool => (
            <FormControlLabel
              key={tool.id}
              control={
                <Checkbox
                  size="small"
                  checked={selected.has(tool.id)}
                  onChange={() => toggleTool(tool.id)}
                  name={tool.id}
                />
              }
              label={tool.name}
            />
          ))}
        </FormGroup>
      </FormControl>

      <FormControlLabel
        control={
          <Switch
            checked={state.changedOnly}
            onChange={event =>
              onChange({ ...state, changedOnly: event.target.checked })
            }
            color="primary"
          />
        }
        label={t('controls.changedOnly')}
      />

      <FormControlLabel
        control={
          <Switch
            checked={state.differencesOnly}
            onChange={event =>
              onChange({ ...state, differencesOnly: event.target.checked })
            }
            color="primary"
          />
        }
        label={t('controls.differencesOnly')}
      />

      <TextField
        id="mesh-coverage-filter"
        className={classes.filter}
        label={t('controls.filter')}
        placeholder={t('controls.filterPlaceholder')}
        value={state.filter}
        onChange={event => props.onFilterChange(event.target.value)}
        type="search"
        size="small"
        variant="outlined"
        helperText={t('controls.shownCount', {
          shown: String(shownCount),
          total: String(totalCount),
        })}
      />

      <ButtonGroup size="small" variant="outlined">
        <Button onClick={props.onExportCsv}>{t('controls.exportCsv')}</Button>
        <Button onClick={props.onExportJson}>{t('controls.exportJson')}</Button>
      </ButtonGroup>
      <Typography variant="srOnly" role="status" aria-live="polite">
        {t('controls.shownCount', {
          shown: String(shownCount),
          total: String(totalCount),
        })}
      </Typography>
    </div>
  );
}
