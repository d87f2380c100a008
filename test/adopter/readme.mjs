// The steps an adopter takes from our READMEs: the yarn commands of each package's install
// section, the lines it adds to packages/backend/src/index.ts, and the config it documents.
import { readFileSync } from 'node:fs';

/** The text of a `## heading` section (up to the next `## `), by the start of its heading. */
function section(markdown, headingStart) {
  const lines = markdown.split('\n');
  const start = lines.findIndex(line => line.startsWith(`## ${headingStart}`));
  if (start < 0) throw new Error(`no section '## ${headingStart}…'`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

function codeBlocks(text, language) {
  return [
    ...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g')),
  ].map(m => m[1]);
}

/** Shell lines of a block, continuation lines joined, comments left out. */
function commands(block) {
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
}

/**
 * From `readmePath`'s `## <installHeading>…` section: the `yarn` commands, and the
 * `backend.add(…)` statements it gives for packages/backend/src/index.ts.
 */
export function installSteps(readmePath, installHeading = 'Install') {
  const install = section(readFileSync(readmePath, 'utf8'), installHeading);
  const yarn = codeBlocks(install, 'sh')
    .flatMap(commands)
    .filter(line => line.startsWith('yarn '));
  const backendAdds = codeBlocks(install, 'ts').flatMap(block =>
    block
      .split('\n')
      .filter(line => !line.trim().startsWith('//'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map(statement => statement.trim())
      .filter(statement => statement.startsWith('backend.add('))
      .map(statement => `${statement};`),
  );
  if (yarn.length === 0)
    throw new Error(
      `${readmePath}: no yarn command under '## ${installHeading}'`,
    );
  return { yarn, backendAdds };
}

/** The YAML blocks of a section (config an adopter adds to app-config.yaml). */
export function configBlocks(readmePath, heading = 'Config') {
  return codeBlocks(section(readFileSync(readmePath, 'utf8'), heading), 'yaml');
}

/** A statement as code, whatever its line breaks and trailing commas (for "already there?"). */
export const normalizeCode = code =>
  code.replace(/\s+/g, '').replace(/,\)/g, ')');
