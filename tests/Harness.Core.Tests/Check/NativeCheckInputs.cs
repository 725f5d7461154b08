namespace Harness.Core.Tests.Check;

/// <summary>Small histories in every format for <see cref="NativeCheckTests"/>, valid and invalid, and malformed ones,
/// written to a folder with no test.json (so they are history files, not stored runs).</summary>
internal static class NativeCheckInputs
{
    public static void Write(string dir)
    {
        void Put(string name, string text) => File.WriteAllText(Path.Combine(dir, name), text.ReplaceLineEndings("\n"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reports", "Samples", "kill", "history.jsonl"), Path.Combine(dir, "set.jsonl"));
        Put("kv-ok.txt", """
            {:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}
            {:process 1, :type :invoke, :f :get, :key "0", :value nil}
            {:process 0, :type :ok, :f :append, :key "0", :value "x 0 0 y"}
            {:process 1, :type :ok, :f :get, :key "0", :value "x 0 0 y"}
            {:process 0, :type :invoke, :f :put, :key "1", :value "a"}
            {:process 0, :type :ok, :f :put, :key "1", :value "a"}

            """);
        Put("kv-bad.txt", """
            {:process 0, :type :invoke, :f :put, :key "1", :value "a"}
            {:process 0, :type :ok, :f :put, :key "1", :value "a"}
            {:process 1, :type :invoke, :f :put, :key "1", :value "b"}
            {:process 1, :type :ok, :f :put, :key "1", :value "b"}
            {:process 0, :type :invoke, :f :get, :key "1", :value nil}
            {:process 0, :type :ok, :f :get, :key "1", :value "a"}

            """);
        Put("register.edn", """
            {:type :invoke, :f :read, :value nil, :process 0, :index 0}
            {:type :ok, :f :read, :value nil, :process 0, :index 1}
            {:type :invoke, :f :write, :value 3, :process 1, :index 2}
            {:type :ok, :f :write, :value 3, :process 1, :index 3}
            {:type :invoke, :f :cas, :value [3 4], :process 0, :index 4}
            {:type :ok, :f :cas, :value [3 4], :process 0, :index 5}
            {:type :invoke, :f :read, :value nil, :process 1, :index 6}
            {:type :ok, :f :read, :value 4, :process 1, :index 7}

            """);
        Put("append-ok.edn", """
            {:type :invoke, :f :txn, :value [[:append 1 1]], :process 0, :index 0}
            {:type :ok, :f :txn, :value [[:append 1 1]], :process 0, :index 1}
            {:type :invoke, :f :txn, :value [[:r 1 nil] [:append 2 1]], :process 1, :index 2}
            {:type :ok, :f :txn, :value [[:r 1 [1]] [:append 2 1]], :process 1, :index 3}

            """);
        // Write skew (G2-item): each reads the key the other appends to, both see nothing, both commit.
        Put("write-skew.json", """
            [{"type": "invoke", "f": "txn", "value": [["r", 1, null], ["append", 2, 1]], "process": 0, "index": 0},
             {"type": "invoke", "f": "txn", "value": [["r", 2, null], ["append", 1, 1]], "process": 1, "index": 1},
             {"type": "ok", "f": "txn", "value": [["r", 1, null], ["append", 2, 1]], "process": 0, "index": 2},
             {"type": "ok", "f": "txn", "value": [["r", 2, null], ["append", 1, 1]], "process": 1, "index": 3},
             {"type": "invoke", "f": "txn", "value": [["r", 1, null], ["r", 2, null]], "process": 2, "index": 4},
             {"type": "ok", "f": "txn", "value": [["r", 1, [1]], ["r", 2, [1]]], "process": 2, "index": 5}]

            """);
        // Jepsen's history.txt: a read that misses an append acknowledged before it began.
        Put("history.txt", "0\t:invoke\t:txn\t[[:append 1 1]]\n0\t:ok\t:txn\t[[:append 1 1]]\n" +
            "1\t:invoke\t:txn\t[[:r 1 nil]]\n1\t:ok\t:txn\t[[:r 1 [2]]]\n");
        Put("rw.edn", """
            {:type :invoke, :f :txn, :value [[:w 1 1]], :process 0, :index 0}
            {:type :ok, :f :txn, :value [[:w 1 1]], :process 0, :index 1}
            {:type :invoke, :f :txn, :value [[:r 1 nil]], :process 1, :index 2}
            {:type :ok, :f :txn, :value [[:r 1 1]], :process 1, :index 3}

            """);
        Put("garbage.edn", "{:type :invoke, :f :read, :value nil, :process 0, :index 0}\n{:type :ok, :f #{{{ oops\n");
        Put("torn-middle.jsonl", "{\"index\":0,\"type\":\"invoke\",\"process\":0,\"f\":\"read\",\"value\":null}\n{\"index\":1,\"ty\n" +
            "{\"index\":2,\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"value\":null}\n");
        Put("deep.edn", "{:type :invoke, :f :read, :process 0, :value " + new string('[', 20_000) + "}\n");
    }
}
