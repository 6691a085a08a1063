import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { uploadRosterImport } from "../../../../shared/api/roster.api.js";
import { uploadFile } from "../../../api/uploadFile.js";
import { rosterQueryKeys } from "../rosterQueryKeys.js";
import { multipartOf } from "../utils/multipartOf.js";

export interface RosterUpload {
  /** One file (the whole roster), or two: a household sheet (户表) and a person sheet (人表), in any order. */
  files: File[];
  /** The county imported into; the server takes the user's own county when it is left out. */
  countyCode: string | undefined;
}

// The contract takes names up to 200 characters: a longer one keeps its start and its extension.
function boundedName(name: string): string {
  return name.length <= 200 ? name : `${name.slice(0, 190)}${name.slice(name.lastIndexOf(".")).slice(0, 10)}`;
}

/**
 * Uploads a roster, which starts its validation on the server; `percent` is how much has been
 * sent. One file goes as the request body, two as a multipart form (the server tells the 户表 from
 * the 人表 by their headers).
 */
export function useUploadRoster() {
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ files, countyCode }: RosterUpload) => {
      setPercent(0);
      const [first] = files;
      if (!first) throw new Error("no file");
      return uploadFile(uploadRosterImport, {
        query: files.length === 1 ? { fileName: boundedName(first.name), countyCode } : { countyCode },
        file: files.length === 1 ? first : multipartOf(files),
        onProgress: (sent, total) => setPercent(total > 0 ? Math.floor((sent / total) * 100) : 0),
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterQueryKeys.all }),
  });
  return { ...mutation, percent };
}
