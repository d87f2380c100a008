export { EditionNote, EditionSwitch, plainEdition } from './EditionSwitch';
