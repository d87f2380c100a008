/*
 * The Mesh Coverage example portal's backend (see backend.ts for what it holds).
 */
import { createExampleBackend } from './backend';

createExampleBackend().start();
