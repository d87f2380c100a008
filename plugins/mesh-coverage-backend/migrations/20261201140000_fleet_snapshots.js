// @ts-check

/**
 * Fleet snapshots (the fleet summary as it was, for trends; per owner and mesh for the history's
 * filters) and each component's coverage over
 * time, stored as changes only: a component's row is written when its mesh, coverage or gaps
 * differ from its latest one, so an unchanged fleet adds one snapshot row per run, not one per
 * component.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mesh_coverage_fleet_snapshots', table => {
    table.comment('The fleet summary at each scheduled snapshot');
    table.increments('id').primary();
    table.string('taken_at', 32).notNullable().index().comment('ISO 8601, UTC');
    table.integer('components').notNullable();
    table.integer('mean_coverage').nullable();
    table.integer('gaps').notNullable().comment('Gaps over all components');
    table
      .text('summary', 'longtext')
      .nullable()
      .comment('The full summary, JSON; kept on the latest snapshot only');
  });
  await knex.schema.createTable('mesh_coverage_fleet_groups', table => {
    table.comment(
      'Components of one owner on one mesh at a snapshot: history filters',
    );
    table
      .integer('snapshot_id')
      .notNullable()
      .references('id')
      .inTable('mesh_coverage_fleet_snapshots')
      .onDelete('CASCADE');
    table
      .string('mesh', 64)
      .nullable()
      .comment('Null when the mesh is invalid');
    table
      .string('owner', 255)
      .notNullable()
      .comment('Empty when none is named');
    table.integer('components').notNullable();
    table.integer('coverage_sum').notNullable();
    table.integer('coverage_count').notNullable();
    table.integer('gaps').notNullable();
    table.index(['snapshot_id']);
  });
  await knex.schema.createTable('mesh_coverage_component_changes', table => {
    // No apostrophes in comments: knex passes them to PostgreSQL unescaped.
    table.comment('Coverage of one component from taken_at until its next row');
    table.increments('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('taken_at', 32).notNullable();
    table.string('owner', 255).nullable();
    table
      .string('mesh', 64)
      .nullable()
      .comment('Null when its mesh is invalid');
    table
      .integer('coverage')
      .nullable()
      .comment('Null when nothing is required');
    table.integer('gaps').notNullable();
    table.index(['entity_ref', 'taken_at']);
    table.index(['taken_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mesh_coverage_component_changes');
  await knex.schema.dropTable('mesh_coverage_fleet_groups');
  await knex.schema.dropTable('mesh_coverage_fleet_snapshots');
};
