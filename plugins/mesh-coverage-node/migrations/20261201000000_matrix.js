// @ts-check

/**
 * The last good matrix and the latest refresh error, shared by every backend instance. Earlier
 * versions created the table without a migration: it is kept as it is.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await knex.schema.hasTable('mesh_coverage_matrix')) {
    return;
  }
  await knex.schema.createTable('mesh_coverage_matrix', table => {
    table.comment(
      'The matrix in service for every Mesh Coverage backend instance',
    );
    table.string('id', 16).primary().comment('Always "current": one row');
    table
      .string('version', 64)
      .notNullable()
      .comment('Content hash of the matrix');
    table
      .text('document', 'longtext')
      .notNullable()
      .comment('The validated matrix, JSON');
    table.text('source').notNullable().comment('Where it was read from');
    table.string('loaded_at', 32).notNullable();
    table.text('error_message').nullable().comment('The latest failed refresh');
    table.string('error_at', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mesh_coverage_matrix');
};
