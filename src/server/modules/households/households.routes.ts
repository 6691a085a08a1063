import type { FastifyInstance } from "fastify";
import {
  assignCaseworkers,
  createHousehold,
  getHousehold,
  getHouseholdVersion,
  handOverCaseworkerHouseholds,
  listCaseworkers,
  listHouseholdCaseworkers,
  listHouseholds,
  listHouseholdVersions,
  moveMember,
  revealPersonalField,
  updateHousehold,
} from "../../../shared/api/households.api.js";
import type { Db } from "../../db/db.js";
import { userRoute } from "../../http/route.js";
import * as households from "./households.service.js";

export function registerHouseholdRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, listHouseholds, ({ ctx, query }) => households.listHouseholds(ctx, query));
  userRoute(app, db, getHousehold, ({ ctx, params, query }) =>
    households.getHousehold(ctx, params.id, query.asOf),
  );
  userRoute(app, db, createHousehold, ({ ctx, body }) =>
    households.createHousehold(ctx, body.household, body.reason),
  );
  userRoute(app, db, updateHousehold, ({ ctx, params, body }) =>
    households.updateHousehold(ctx, params.id, body.household, body.version, body.reason),
  );
  userRoute(app, db, listHouseholdVersions, ({ ctx, params }) => households.listVersions(ctx, params.id));
  userRoute(app, db, getHouseholdVersion, ({ ctx, params }) =>
    households.getVersion(ctx, params.id, params.version),
  );
  userRoute(app, db, revealPersonalField, ({ ctx, params, body }) =>
    households.revealPersonalField(ctx, params.id, body.field, body.memberId),
  );
  userRoute(app, db, listHouseholdCaseworkers, ({ ctx, params }) =>
    households.listCaseworkers(ctx, params.id),
  );
  userRoute(app, db, moveMember, ({ ctx, params, body }) =>
    households.moveMember(ctx, {
      sourceId: params.id,
      sourceVersion: body.version,
      memberId: params.memberId,
      target: body.target,
      relation: body.relation,
      newHeadMemberId: body.newHeadMemberId,
      reason: body.reason,
    }),
  );
  userRoute(app, db, listCaseworkers, ({ ctx, query }) =>
    households.listCaseworkersInScope(ctx, query.q, query.ids),
  );
  userRoute(app, db, handOverCaseworkerHouseholds, ({ ctx, params, body }) =>
    households.handOverCaseworkerHouseholds(ctx, params.id, body.toUserId, body.reason),
  );
  userRoute(app, db, assignCaseworkers, ({ ctx, params, body }) =>
    households.assignCaseworkers(ctx, params.id, body.userIds, body.reason),
  );
}
