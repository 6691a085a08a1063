import { App } from "antd";
import { useCallback, useState } from "react";
import { type DownloadInput, downloadFile, type FileEndpoint } from "../api/downloadFile.js";
import { saveFile } from "./saveFile.js";
import { useApiErrorText } from "./useApiErrorText.js";

/**
 * Downloads a file from the API and saves it; a failure is shown as a message. `download` resolves
 * to the saved file's name, or undefined when it failed.
 */
export function useFileDownload() {
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [isDownloading, setIsDownloading] = useState(false);

  const download = useCallback(
    async <E extends FileEndpoint>(endpoint: E, input?: DownloadInput<E>): Promise<string | undefined> => {
      setIsDownloading(true);
      try {
        const file = await downloadFile(endpoint, input);
        saveFile(file);
        return file.fileName;
      } catch (error) {
        message.error(errorText(error));
        return undefined;
      } finally {
        setIsDownloading(false);
      }
    },
    [message, errorText],
  );

  return { download, isDownloading };
}
