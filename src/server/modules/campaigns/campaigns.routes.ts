import type { FastifyInstance } from "fastify";
import {
  createCampaign,
  exportCampaign,
  getCampaign,
  getCampaignCoverage,
  getCampaignSummary,
  listCampaignHouseholds,
  listCampaigns,
  listDifficulties,
  recordDifficultyAction,
} from "../../../shared/api/campaigns.api.js";
import type { Db } from "../../db/db.js";
import { userFileRoute, userRoute } from "../../http/route.js";
import * as campaignExport from "./campaign-export.js";
import * as campaigns from "./campaigns.service.js";
import * as difficulties from "./difficulties.js";

export function registerCampaignRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, createCampaign, ({ ctx, body }) => campaigns.createCampaign(ctx, body));
  userRoute(app, db, listCampaigns, ({ ctx, query }) =>
    campaigns.listCampaigns(ctx, query.page, query.pageSize),
  );
  userRoute(app, db, getCampaign, ({ ctx, params }) => campaigns.getCampaign(ctx, params.id));
  userRoute(app, db, getCampaignCoverage, ({ ctx, params, query }) =>
    campaigns.getCoverage(ctx, params.id, query.regionCode),
  );
  userRoute(app, db, listCampaignHouseholds, ({ ctx, params, query }) =>
    campaigns.listShareHouseholds(ctx, params.id, query),
  );
  userRoute(app, db, getCampaignSummary, ({ ctx, params, query }) =>
    campaigns.getSummary(ctx, params.id, query.regionCode),
  );
  userFileRoute(app, db, exportCampaign, ({ ctx, params, query }) =>
    campaignExport.exportCampaign(ctx, params.id, query.regionCode),
  );
  userRoute(app, db, listDifficulties, ({ ctx, query }) => difficulties.listDifficulties(ctx, query));
  userRoute(app, db, recordDifficultyAction, ({ ctx, params, body }) =>
    difficulties.recordDifficultyAction(ctx, params.id, body),
  );
}
