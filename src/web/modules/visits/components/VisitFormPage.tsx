import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from "antd";
import { useRef, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { VisitDraft } from "../../../../shared/api/visits.api.js";
import { DANGEROUS_HOUSE_GRADES, FUEL_TYPES } from "../../../../shared/household-codes.js";
import {
  chinaToday,
  EPIDEMIC_STATUSES,
  PROBLEM_KINDS,
  VISIT_KINDS,
  VISIT_PHOTO_MAX_COUNT,
} from "../../../../shared/visit-codes.js";
import { useI18n } from "../../../i18n/useI18n.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { usePhone } from "../hooks/usePhone.js";
import { compressPhoto } from "../utils/compressPhoto.js";
import { newId } from "../utils/newId.js";
import { type VisitFormValues, visitDraftOf } from "../utils/visitDraftOf.js";

type PhotoList = NonNullable<VisitDraft["photos"]>;

const INCOME_FIELDS = [
  "wage",
  "business",
  "property",
  "pension",
  "dibao",
  "tekun",
  "ecoCompensation",
  "otherTransfer",
  "businessCosts",
] as const;

/**
 * The visit form. It saves to the phone's outbox (never straight to the server), under an id made
 * once per form: saving twice keeps one record, and the server stores it once however often it is sent.
 */
export function VisitFormPage() {
  const t = useT();
  const { language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { options } = useCodeLabels();
  const { households, meta, saveVisit } = usePhone();
  const [visitId] = useState(newId);
  const [photos, setPhotos] = useState<PhotoList>([]);
  const [location, setLocation] = useState<VisitDraft["location"]>(null);
  const [isSaving, setIsSaving] = useState(false);
  const photoInput = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm<VisitFormValues>();
  const household = households.find((h) => h.id === id);
  const campaign = meta?.campaigns.find((c) => c.id === params.get("campaign"));
  if (!household) return <Empty description={t("visits.phone.notOnPhone")} />;
  const today = chinaToday(new Date());
  const activeMembers = household.members.filter((m) => m.status === "active");
  const indicators = meta?.indicators ?? [];

  const handleFinish = async (values: VisitFormValues) => {
    setIsSaving(true);
    try {
      const draft = visitDraftOf(values, {
        id: visitId,
        household,
        campaignId: campaign?.id ?? null,
        photos,
        location,
        recordedAt: new Date().toISOString(),
      });
      await saveVisit(draft, `${household.headName} ${household.householdNumber}`);
      message.success(t("visits.form.saved"));
      navigate(`/phone/households/${household.id}`);
    } finally {
      setIsSaving(false);
    }
  };

  const handlePhotos = async (files: FileList | null) => {
    if (!files) return;
    const added: PhotoList = [];
    for (const file of [...files].slice(0, VISIT_PHOTO_MAX_COUNT - photos.length)) {
      try {
        added.push(await compressPhoto(file));
      } catch {
        message.error(t("visits.form.photoFailed"));
      }
    }
    setPhotos([...photos, ...added]);
  };

  const handleLocate = () =>
    navigator.geolocation?.getCurrentPosition(
      (position) =>
        setLocation({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracyM: Math.round(position.coords.accuracy),
        }),
      () => message.warning(t("visits.form.noLocation")),
      { timeout: 10_000 },
    );

  const side = language === "en" ? "en" : "zh";
  return (
    <Form<VisitFormValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      disabled={isSaving}
      initialValues={{
        kind: "on_site",
        visitedOn: today,
        statuses: Object.fromEntries(activeMembers.map((m) => [m.id, { status: "none" }])),
        income: household.income,
        conditions: household.conditions,
      }}
    >
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {campaign ? campaign.name : t("visits.phone.record")} · {household.headName}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item name="kind" label={t("visits.form.kind")}>
          <Radio.Group optionType="button" options={options(VISIT_KINDS)} />
        </Form.Item>
        <Form.Item
          name="visitedOn"
          label={t("visits.form.visitedOn")}
          rules={[
            { required: true },
            {
              validator: async (_, v: string) =>
                v > today ? Promise.reject(new Error(t("visits.form.future"))) : undefined,
            },
          ]}
        >
          <Input type="date" max={today} data-testid="visit-date" />
        </Form.Item>
        <Form.Item
          name="metWith"
          label={t("visits.form.metWith")}
          rules={[
            { required: true, whitespace: true, message: t("visits.form.metWithRequired") },
            { max: 100 },
          ]}
        >
          <Input data-testid="visit-met-with" placeholder={t("visits.form.metWithHint")} />
        </Form.Item>
      </Card>
      {campaign && campaign.questions.length > 0 ? (
        <Card size="small" title={t("visits.form.questions")} style={{ marginBottom: 12 }}>
          {campaign.questions.map((question) => (
            <Form.Item key={question.code} name={["answers", question.code]} label={question.text}>
              {question.kind === "yes_no" ? (
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: t("common.yes") },
                    { value: false, label: t("common.no") },
                  ]}
                />
              ) : (
                <Input maxLength={500} />
              )}
            </Form.Item>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={t("visits.form.epidemic")} style={{ marginBottom: 12 }}>
        {activeMembers.map((member) => (
          <Flex key={member.id} vertical style={{ marginBottom: 8 }}>
            <Form.Item
              name={["statuses", member.id, "status"]}
              label={member.name}
              style={{ marginBottom: 4 }}
            >
              <Select options={options(EPIDEMIC_STATUSES)} data-testid="member-status" />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() => {
                const status = form.getFieldValue(["statuses", member.id, "status"]) as string | undefined;
                if (!status || status === "none") return null;
                return (
                  <Flex gap={8}>
                    <Form.Item
                      name={["statuses", member.id, "since"]}
                      label={t("visits.form.since")}
                      style={{ flex: 1 }}
                    >
                      <Input type="date" max={today} />
                    </Form.Item>
                    {status === "released" ? (
                      <Form.Item
                        name={["statuses", member.id, "until"]}
                        label={t("visits.form.until")}
                        style={{ flex: 1 }}
                      >
                        <Input type="date" max={today} />
                      </Form.Item>
                    ) : null}
                  </Flex>
                );
              }}
            </Form.Item>
          </Flex>
        ))}
      </Card>
      {indicators.length > 0 ? (
        <Card size="small" title={t("visits.form.indicators")} style={{ marginBottom: 12 }}>
          {indicators.map((indicator) => (
            <Form.Item key={indicator.code} label={indicator[side]} style={{ marginBottom: 8 }}>
              <Flex gap={8} align="center">
                <Form.Item name={["indicators", indicator.code, "isMet"]} noStyle>
                  <Radio.Group
                    optionType="button"
                    // Side by side, never wrapped under each other: the note takes what width is left.
                    style={{ flexShrink: 0, whiteSpace: "nowrap" }}
                    options={[
                      { value: true, label: t("visits.form.met") },
                      { value: false, label: t("visits.form.notMet") },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={["indicators", indicator.code, "note"]} noStyle>
                  <Input placeholder={t("visits.form.note")} maxLength={200} />
                </Form.Item>
              </Flex>
            </Form.Item>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={t("visits.form.problems")} style={{ marginBottom: 12 }}>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, "kind"]}
                    rules={[{ required: true }]}
                    style={{ width: 120, marginBottom: 0 }}
                  >
                    <Select options={options(PROBLEM_KINDS)} placeholder={t("visits.form.problemKind")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "note"]} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t("visits.form.problemNote")} maxLength={500} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={t("visits.form.remove")}>
                    ×
                  </Button>
                </Flex>
              ))}
              {fields.length < 20 ? (
                <Button onClick={() => add({ kind: "supplies" })} data-testid="problem-add">
                  {t("visits.form.addProblem")}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t("visits.form.assistance")} style={{ marginBottom: 12 }}>
        <Form.Item name="assistanceGiven" label={t("visits.form.assistanceGiven")}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="assistancePlanned" label={t("visits.form.assistancePlanned")}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="livingConditions" label={t("visits.form.livingConditions")}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Card>
      <Card size="small" title={t("visits.form.registry")} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("visits.form.registryHint", { version: household.version })}
        </Typography.Paragraph>
        <Form.Item
          name="isIncomeUpdated"
          valuePropName="checked"
          label={t("visits.form.updateIncome", { year: household.income.year })}
        >
          <Switch />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.isIncomeUpdated !== b.isIncomeUpdated}>
          {() =>
            form.getFieldValue("isIncomeUpdated") ? (
              <Flex wrap gap={8}>
                {INCOME_FIELDS.map((key) => (
                  <Form.Item
                    key={key}
                    name={["income", key]}
                    label={t(`visits.income.${key}`)}
                    style={{ width: 140 }}
                  >
                    <InputNumber min={0} max={100_000_000} precision={2} style={{ width: "100%" }} />
                  </Form.Item>
                ))}
              </Flex>
            ) : null
          }
        </Form.Item>
        <Form.Item
          name="isConditionsUpdated"
          valuePropName="checked"
          label={t("visits.form.updateConditions")}
        >
          <Switch />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.isConditionsUpdated !== b.isConditionsUpdated}>
          {() =>
            form.getFieldValue("isConditionsUpdated") ? (
              <>
                <Form.Item
                  name={["conditions", "dangerousHouseGrade"]}
                  label={t("visits.conditions.dangerousHouseGrade")}
                >
                  <Select options={options(DANGEROUS_HOUSE_GRADES)} />
                </Form.Item>
                <Form.Item name={["conditions", "fuel"]} label={t("visits.conditions.fuel")}>
                  <Select options={options(FUEL_TYPES)} />
                </Form.Item>
                {(
                  [
                    "isDrinkingWaterSafe",
                    "hasWaterDifficulty",
                    "hasElectricity",
                    "hasRoadToHouse",
                    "hasSanitaryToilet",
                  ] as const
                ).map((key) => (
                  <Form.Item
                    key={key}
                    name={["conditions", key]}
                    valuePropName="checked"
                    label={t(`visits.conditions.${key}`)}
                  >
                    <Switch />
                  </Form.Item>
                ))}
              </>
            ) : null
          }
        </Form.Item>
      </Card>
      <Card size="small" title={t("visits.form.photosAndPlace")} style={{ marginBottom: 12 }}>
        <Flex vertical gap={8}>
          {/* The phone's own picker (camera or gallery) behind a button in the app's language. */}
          <input
            ref={photoInput}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            style={{ display: "none" }}
            data-testid="visit-photo-input"
            onChange={(event) => {
              void handlePhotos(event.target.files);
              event.target.value = "";
            }}
          />
          <Button
            disabled={photos.length >= VISIT_PHOTO_MAX_COUNT}
            onClick={() => photoInput.current?.click()}
            data-testid="visit-photo-add"
          >
            {t("visits.form.addPhoto")}
          </Button>
          <Typography.Text type="secondary">
            {t("visits.form.photoCount", { count: photos.length, max: VISIT_PHOTO_MAX_COUNT })}
          </Typography.Text>
          <Button onClick={handleLocate}>
            {location
              ? t("visits.form.located", { accuracy: location.accuracyM ?? "?" })
              : t("visits.form.locate")}
          </Button>
        </Flex>
      </Card>
      <Button type="primary" htmlType="submit" size="large" block loading={isSaving} data-testid="visit-save">
        {t("visits.form.save")}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t("visits.form.saveHint")}
      </Typography.Paragraph>
    </Form>
  );
}
