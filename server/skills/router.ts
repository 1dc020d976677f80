import { z } from 'zod';
import { SKILL_CATEGORIES } from '../../db/schema.ts';
import { adminProcedure, createTRPCRouter, publicProcedure } from '../trpc.ts';
import { addAlias, addSkill, listCatalog, mergeSkills, searchSkills } from './catalog.ts';
import { adoptCustomRows, approveSkill, pendingSkills, rejectSkill } from './custom.ts';
import { recordId } from '../ids.ts';

const skillName = z
  .string()
  .trim()
  .min(1, 'Enter a skill name.')
  .max(100, 'A skill name can be at most 100 characters.');
const skillId = recordId;

export const skillsRouter = createTRPCRouter({
  search: publicProcedure
    .input(
      z.object({
        q: z.string().max(100, 'Search with at most 100 characters.'),
        limit: z.number().int().min(1).max(25).default(10),
      }),
    )
    .query(({ ctx, input }) => searchSkills(ctx.db, input.q, input.limit)),

  /** The review queue: names people use that the catalog lacks, with how many seekers and jobs use each. */
  pending: adminProcedure.query(({ ctx }) => pendingSkills(ctx.db)),

  approve: adminProcedure
    .input(
      z.strictObject({
        name: skillName,
        aliasOf: skillId.optional(),
        category: z
          .enum(SKILL_CATEGORIES, { error: 'Choose a category: technical, soft, language or domain.' })
          .nullable()
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => approveSkill(tx, input))),

  reject: adminProcedure
    .input(z.strictObject({ name: skillName }))
    .mutation(({ ctx, input }) => rejectSkill(ctx.db, input.name)),

  list: adminProcedure.query(({ ctx }) => listCatalog(ctx.db)),

  add: adminProcedure
    .input(
      z.object({
        name: skillName,
        category: z
          .enum(SKILL_CATEGORIES, { error: 'Choose a category: technical, soft, language or domain.' })
          .nullable(),
        description: z.string().trim().max(1000).nullable().optional(),
        aliases: z.array(skillName).max(20).default([]),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const skill = await addSkill(tx, input);
        // People who already wrote this name (or an alias) as their own now have the catalog skill.
        await adoptCustomRows(tx, [input.name, ...input.aliases], skill.id);
        return skill;
      }),
    ),

  addAlias: adminProcedure.input(z.object({ skillId, alias: skillName })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      await addAlias(tx, input.skillId, input.alias);
      await adoptCustomRows(tx, [input.alias], input.skillId);
      return { added: true as const };
    }),
  ),

  merge: adminProcedure
    .input(z.object({ fromId: skillId, intoId: skillId }))
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => mergeSkills(tx, input.fromId, input.intoId))),
});
