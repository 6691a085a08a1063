import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadDepartmentList } from "../../../../shared/api/monitoring.api.js";
import type { MonitoringDepartment } from "../../../../shared/monitoring-rules.js";
import { uploadFile } from "../../../api/uploadFile.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** Uploads a department list; the answer is the match result (or the rows refused). */
export function useUploadDepartmentList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, department }: { file: File; department: MonitoringDepartment }) =>
      uploadFile(uploadDepartmentList, { query: { fileName: file.name.slice(-200), department }, file }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: monitoringQueryKeys.all }),
  });
}
