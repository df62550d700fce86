#include "models/statedict.h"

#include "core/fileutil.h"

#include <ATen/core/Dict.h>
#include <ATen/core/ivalue.h>
#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/csrc/jit/serialization/storage_context.h>
#include <torch/csrc/jit/serialization/unpickler.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace kiln {

namespace {

const char *const kResaveHint =
    "Re-save it with torch.save(model.state_dict(), path) in PyTorch >= 1.6.";

// ---------------------------------------------------------------------------------------------
// Rewriting torch.save's pickle into one LibTorch's Unpickler reads.
//
// Python pickles a state dict as
//     GLOBAL collections.OrderedDict, EMPTY_TUPLE, REDUCE       the dict
//     MARK key value ... SETITEMS                               its items (tensors by REDUCE)
//     EMPTY_DICT '_metadata' OrderedDict(...) SETITEM, BUILD    its attribute dict
// LibTorch 1.13 turns every OrderedDict() into None (it only expects one as the ignored
// backward-hooks argument of torch._utils._rebuild_tensor_v2) and treats BUILD as a call, so it
// fails on the first SETITEMS. The rewrite replaces each `OrderedDict()` construction with
// EMPTY_DICT (harmless for the backward hooks, which the unpickler skips) and drops each BUILD
// applied to such a dict together with the ops that built its state. It also spells APPEND and
// SETITEM, which 1.13 lacks, with MARK + APPENDS / SETITEMS. Everything else is copied byte for
// byte. A memo slot that held the OrderedDict class is re-created with a GLOBAL wherever it is
// read, since the op that stored it may have been dropped.
//
// The walk simulates the pickle machine's stack just far enough to know, for every stack item,
// where in the output its ops begin; that is what lets a construction or a state be cut out.
// Only protocols 0-2 are walked: LibTorch's Unpickler reads nothing newer.
// ---------------------------------------------------------------------------------------------

enum class ArgKind { None, U1, U2, U4, Line, TwoLines, Len1, Len4, Float8 };

struct OpInfo {
    bool known = false;
    ArgKind arg = ArgKind::None;
};

// Opcodes of pickle protocols 0, 1 and 2 (see Python's pickletools) and how their argument is laid
// out in the stream.
const std::array<OpInfo, 256> &opTable()
{
    static const std::array<OpInfo, 256> table = [] {
        std::array<OpInfo, 256> t{};
        auto set = [&t](unsigned char op, ArgKind arg) { t[op] = OpInfo{true, arg}; };
        for (unsigned char op : {'(', '.', '0', '1', '2', 'N', 'Q', 'R', 'a', 'b', 'd', '}', 'e', 'l',
                                 ']', 'o', 's', 't', ')', 'u'})
            set(op, ArgKind::None);
        for (unsigned char op : {0x81, 0x85, 0x86, 0x87, 0x88, 0x89})
            set(op, ArgKind::None);
        for (unsigned char op : {'F', 'I', 'L', 'P', 'S', 'V', 'g', 'p'})
            set(op, ArgKind::Line);
        set('c', ArgKind::TwoLines);
        set('i', ArgKind::TwoLines);
        set('J', ArgKind::U4);
        set('K', ArgKind::U1);
        set('M', ArgKind::U2);
        set('T', ArgKind::Len4);
        set('U', ArgKind::Len1);
        set('X', ArgKind::Len4);
        set('h', ArgKind::U1);
        set('j', ArgKind::U4);
        set('q', ArgKind::U1);
        set('r', ArgKind::U4);
        set('G', ArgKind::Float8);
        set(0x80, ArgKind::U1); // PROTO
        set(0x82, ArgKind::U1); // EXT1
        set(0x83, ArgKind::U2); // EXT2
        set(0x84, ArgKind::U4); // EXT4
        set(0x8a, ArgKind::Len1); // LONG1
        set(0x8b, ArgKind::Len4); // LONG4
        return t;
    }();
    return table;
}

std::uint32_t readLittleEndian(std::string_view bytes)
{
    std::uint32_t v = 0;
    for (std::size_t i = bytes.size(); i-- > 0;)
        v = (v << 8) | static_cast<unsigned char>(bytes[i]);
    return v;
}

class PickleRewriter {
public:
    explicit PickleRewriter(std::string_view in) : m_in(in) {}

    // The rewritten pickle, or an Error whose message says what is wrong with the input.
    Result<std::string> run()
    {
        m_out.reserve(m_in.size());
        while (true) {
            if (m_pos >= m_in.size())
                return Error{"the pickle ends before its STOP opcode (truncated file?)"};
            const std::size_t opStart = m_pos;
            const auto op = static_cast<unsigned char>(m_in[m_pos++]);
            const OpInfo &info = opTable()[op];
            if (!info.known) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                return Error{std::string("it uses pickle opcode ") + hex + " at byte " + std::to_string(opStart)
                             + ", which LibTorch cannot read (saved with pickle_protocol > 2?)"};
            }
            std::string_view arg;
            if (!readArg(info.arg, arg))
                return Error{"the pickle is truncated inside its opcode at byte " + std::to_string(opStart)};
            m_raw = m_in.substr(opStart, m_pos - opStart);
            m_outBefore = m_out.size();
            m_opStart = opStart;
            bool stop = false;
            if (auto err = step(op, arg, stop); !err.empty())
                return Error{err};
            if (stop) {
                if (m_stack.size() != 1 || !m_marks.empty())
                    return Error{"the pickle does not leave exactly one object"};
                return std::move(m_out);
            }
        }
    }

private:
    enum class Kind { Other, OrderedDictClass, EmptyTuple, RewrittenDict };
    struct Item {
        std::size_t outStart; // m_out.size() before the first op that built this item
        Kind kind;
    };
    struct Mark {
        std::size_t stackSize;
        std::size_t outStart;
    };

    static std::string printable(unsigned char op)
    {
        if (op >= 0x20 && op < 0x7f)
            return std::string(1, static_cast<char>(op));
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02x", op);
        return hex;
    }

    bool take(std::size_t n, std::string_view &out)
    {
        if (m_in.size() - m_pos < n)
            return false;
        out = m_in.substr(m_pos, n);
        m_pos += n;
        return true;
    }

    bool takeLine(std::string_view &out)
    {
        const std::size_t nl = m_in.find('\n', m_pos);
        if (nl == std::string_view::npos)
            return false;
        out = m_in.substr(m_pos, nl + 1 - m_pos);
        m_pos = nl + 1;
        return true;
    }

    bool readArg(ArgKind kind, std::string_view &arg)
    {
        std::string_view len;
        switch (kind) {
        case ArgKind::None:
            return true;
        case ArgKind::U1:
            return take(1, arg);
        case ArgKind::U2:
            return take(2, arg);
        case ArgKind::U4:
            return take(4, arg);
        case ArgKind::Float8:
            return take(8, arg);
        case ArgKind::Line:
            return takeLine(arg);
        case ArgKind::TwoLines: {
            const std::size_t start = m_pos;
            std::string_view a, b;
            if (!takeLine(a) || !takeLine(b))
                return false;
            arg = m_in.substr(start, m_pos - start);
            return true;
        }
        case ArgKind::Len1:
            return take(1, len) && take(readLittleEndian(len), arg);
        case ArgKind::Len4:
            return take(4, len) && take(readLittleEndian(len), arg);
        }
        return false;
    }

    void emit() { m_out.append(m_raw); }
    void push(Kind kind = Kind::Other) { m_stack.push_back({m_outBefore, kind}); }

    // Replaces the top `n` items with one that starts where the deepest of them started.
    bool collapse(std::size_t n, Kind kind = Kind::Other)
    {
        if (m_stack.size() < n)
            return false;
        const std::size_t start = n ? m_stack[m_stack.size() - n].outStart : m_outBefore;
        m_stack.resize(m_stack.size() - n);
        m_stack.push_back({start, kind});
        return true;
    }

    bool popMark(Mark &mark)
    {
        if (m_marks.empty() || m_marks.back().stackSize > m_stack.size())
            return false;
        mark = m_marks.back();
        m_marks.pop_back();
        return true;
    }

    static std::optional<std::uint32_t> memoId(unsigned char op, std::string_view arg)
    {
        if (op == 'g' || op == 'p') { // text form: decimal digits and a newline
            std::uint32_t id = 0;
            const auto res = std::from_chars(arg.data(), arg.data() + arg.size() - 1, id);
            if (res.ec != std::errc())
                return std::nullopt;
            return id;
        }
        return readLittleEndian(arg);
    }

    // Interprets one opcode; returns an empty string or what is wrong.
    std::string step(unsigned char op, std::string_view arg, bool &stop)
    {
        static const std::string_view kOrderedDict = "collections\nOrderedDict\n";
        const std::string malformed = "its pickle is malformed at byte " + std::to_string(m_opStart) + " (opcode '"
                                      + printable(op) + "')";
        switch (op) {
        case 0x80: // PROTO
            if (static_cast<unsigned char>(arg[0]) != 2)
                return "it was pickled with protocol " + std::to_string(static_cast<unsigned char>(arg[0]))
                       + "; LibTorch reads only protocol 2, torch.save's default (save without pickle_protocol=)";
            emit();
            return {};
        case '.': // STOP
            emit();
            stop = true;
            return {};
        case '(': // MARK
            m_marks.push_back({m_stack.size(), m_outBefore});
            emit();
            return {};
        case 'c': // GLOBAL
            if (arg == "torch._utils\n_rebuild_parameter\n")
                return "it holds nn.Parameter objects (as dict(model.named_parameters()) does), which LibTorch "
                       "cannot read; save model.state_dict() instead";
            emit();
            push(arg == kOrderedDict ? Kind::OrderedDictClass : Kind::Other);
            return {};
        case 'g': // GET
        case 'h': // BINGET
        case 'j': { // LONG_BINGET
            const auto id = memoId(op, arg);
            if (!id)
                return malformed;
            if (m_classMemo.count(*id)) {
                m_out.append("c").append(kOrderedDict);
                push(Kind::OrderedDictClass);
            } else {
                emit();
                push();
            }
            return {};
        }
        case 'p': // PUT
        case 'q': // BINPUT
        case 'r': { // LONG_BINPUT
            const auto id = memoId(op, arg);
            if (!id || m_stack.empty())
                return malformed;
            if (m_stack.back().kind == Kind::OrderedDictClass)
                m_classMemo.insert(*id);
            else
                m_classMemo.erase(*id);
            emit();
            return {};
        }
        case ')': // EMPTY_TUPLE
            emit();
            push(Kind::EmptyTuple);
            return {};
        case 'R':    // REDUCE
        case 0x81: { // NEWOBJ
            if (m_stack.size() < 2)
                return malformed;
            const Item callable = m_stack[m_stack.size() - 2];
            const Item args = m_stack.back();
            if (op == 'R' && callable.kind == Kind::OrderedDictClass && args.kind == Kind::EmptyTuple) {
                m_out.resize(callable.outStart);
                m_out.push_back('}'); // EMPTY_DICT
                return collapse(2, Kind::RewrittenDict) ? std::string() : malformed;
            }
            emit();
            return collapse(2) ? std::string() : malformed;
        }
        case 'b': { // BUILD
            if (m_stack.size() < 2)
                return malformed;
            const Item state = m_stack.back();
            m_stack.pop_back();
            if (m_stack.back().kind == Kind::RewrittenDict)
                m_out.resize(state.outStart); // an OrderedDict's attributes (_metadata): drop them
            else
                emit();
            return {};
        }
        case '0': // POP
            if (m_stack.empty())
                return malformed;
            m_stack.pop_back();
            emit();
            return {};
        case '2': // DUP
            if (m_stack.empty())
                return malformed;
            emit();
            push(m_stack.back().kind);
            return {};
        case 'Q':  // BINPERSID
        case 0x85: // TUPLE1
            emit();
            return collapse(1) ? std::string() : malformed;
        case 0x86: // TUPLE2
            emit();
            return collapse(2) ? std::string() : malformed;
        case 0x87: // TUPLE3
            emit();
            return collapse(3) ? std::string() : malformed;
        case 'a':   // APPEND
        case 's': { // SETITEM
            // LibTorch 1.13 knows only the MARK-based forms: `x a` becomes `( x e` (APPENDS) and
            // `k v s` becomes `( k v u` (SETITEMS). Python writes the short forms for one-item
            // containers, so a state dict with a single tensor needs this.
            const std::size_t n = op == 'a' ? 1 : 2;
            if (m_stack.size() < n + 1)
                return malformed;
            const std::size_t first = m_stack[m_stack.size() - n].outStart;
            m_stack.resize(m_stack.size() - n);
            if (!m_marks.empty() && m_marks.back().stackSize > m_stack.size())
                return malformed;
            m_out.insert(first, 1, '('); // MARK
            m_out.push_back(op == 'a' ? 'e' : 'u');
            return {};
        }
        case '1': // POP_MARK
        case 'e': // APPENDS
        case 'u': { // SETITEMS
            Mark mark;
            if (!popMark(mark) || (op != '1' && mark.stackSize == 0))
                return malformed;
            m_stack.resize(mark.stackSize);
            emit();
            return {};
        }
        case 'd': // DICT
        case 'l': // LIST
        case 't': // TUPLE
        case 'i': // INST
        case 'o': { // OBJ
            Mark mark;
            if (!popMark(mark))
                return malformed;
            const bool empty = m_stack.size() == mark.stackSize;
            m_stack.resize(mark.stackSize);
            m_stack.push_back({mark.outStart, op == 't' && empty ? Kind::EmptyTuple : Kind::Other});
            emit();
            return {};
        }
        default: // every other known opcode pushes one plain value
            emit();
            push();
            return {};
        }
    }

    std::string_view m_in;
    std::size_t m_pos = 0;
    std::size_t m_opStart = 0;   // where the opcode being interpreted starts in m_in
    std::string_view m_raw;      // its bytes
    std::size_t m_outBefore = 0; // m_out.size() before it
    std::string m_out;
    std::vector<Item> m_stack;
    std::vector<Mark> m_marks;
    std::unordered_set<std::uint32_t> m_classMemo; // memo slots holding collections.OrderedDict
};

// ---------------------------------------------------------------------------------------------

std::string shapeText(const at::Tensor &t)
{
    std::string s = "[";
    for (std::size_t i = 0; i < static_cast<std::size_t>(t.dim()); ++i)
        s += (i ? ", " : "") + std::to_string(t.size(static_cast<int64_t>(i)));
    return s + "]";
}

// "Int", "GenericDict", ... as a person reading the message would say it.
std::string kindOf(const c10::IValue &v)
{
    if (v.isGenericDict())
        return "a dict";
    if (v.isString())
        return "a string";
    if (v.isInt())
        return "an int";
    if (v.isDouble())
        return "a float";
    if (v.isNone())
        return "None";
    if (v.isTuple())
        return "a tuple";
    if (v.isList())
        return "a list";
    return "a " + std::string(v.tagKind());
}

Result<StateDict> toStateDict(const c10::IValue &root, const std::string &where)
{
    if (!root.isGenericDict())
        return Error{"Cannot read weights from " + where + ": it holds " + kindOf(root)
                     + ", not a dict of tensors. " + kResaveHint};
    // A dict nested in the file (a training checkpoint's "state_dict" or "model") is what the person
    // most likely wanted: name it in the message.
    std::string nestedDict;
    for (const auto &entry : root.toGenericDict())
        if (nestedDict.empty() && entry.key().isString() && entry.value().isGenericDict())
            nestedDict = entry.key().toStringRef();
    StateDict result;
    for (const auto &entry : root.toGenericDict()) {
        const c10::IValue &key = entry.key();
        const c10::IValue &value = entry.value();
        if (!key.isString())
            return Error{"Cannot read weights from " + where + ": it is a dict whose keys are not names ("
                         + kindOf(key) + "). " + kResaveHint};
        if (!value.isTensor()) {
            std::string message = "Cannot read weights from " + where + ": entry '" + key.toStringRef() + "' is "
                                  + kindOf(value) + ", not a tensor.";
            if (!nestedDict.empty())
                message += " It looks like a training checkpoint: save its weights alone, e.g. torch.save(checkpoint['"
                           + nestedDict + "'], path), or torch.save(model.state_dict(), path).";
            else
                message += std::string(" ") + kResaveHint;
            return Error{message};
        }
        result.emplace_back(key.toStringRef(), value.toTensor());
    }
    return result;
}

// What the first bytes of a file say it is, so that non-zip files get a precise message.
std::optional<std::string> sniffProblem(const fs::path &path, const std::string &where)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return "Cannot read weights from " + where + ": the file does not exist.";
    if (fs::is_directory(status))
        return "Cannot read weights from " + where + ": it is a folder, not a weights file.";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "Cannot read weights from " + where + ": the file cannot be opened (check its permissions).";
    unsigned char head[4] = {0, 0, 0, 0};
    in.read(reinterpret_cast<char *>(head), sizeof head);
    const auto got = in.gcount();
    if (got == 0)
        return "Cannot read weights from " + where + ": the file is empty.";
    if (got == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        return std::nullopt; // a zip archive, as torch.save writes since PyTorch 1.6
    if (head[0] == 0x80 && got >= 2 && head[1] <= 5)
        return "Cannot read weights from " + where
               + ": it is in the legacy PyTorch format (before 1.6, or saved with "
                 "_use_new_zipfile_serialization=False), which LibTorch cannot read. "
               + kResaveHint;
    return "Cannot read weights from " + where + ": it is not a PyTorch weights file (not a zip archive written by "
           "torch.save). " + kResaveHint;
}

// Calls fn(name, tensor) for every defined parameter and buffer, in PyTorch's state_dict order:
// module by module (pre-order), parameters before buffers.
void forEachTensor(const torch::nn::Module &module,
                   const std::function<void(const std::string &, const at::Tensor &)> &fn)
{
    auto visitOwn = [&fn](const torch::nn::Module &m, const std::string &prefix) {
        for (const auto &p : m.named_parameters(/*recurse=*/false))
            if (p.value().defined())
                fn(prefix + p.key(), p.value());
        for (const auto &b : m.named_buffers(/*recurse=*/false))
            if (b.value().defined())
                fn(prefix + b.key(), b.value());
    };
    visitOwn(module, "");
    // include_self=false: the root need not be owned by a shared_ptr.
    for (const auto &child : module.named_modules(/*name_prefix=*/"", /*include_self=*/false))
        visitOwn(*child.value(), child.key() + ".");
}

} // namespace

std::string exceptionText(const std::exception &e)
{
    if (const auto *c10Error = dynamic_cast<const c10::Error *>(&e))
        return c10Error->what_without_backtrace();
    return e.what();
}

std::string exceptionLine(const std::exception &e)
{
    const std::string text = exceptionText(e);
    return text.substr(0, text.find('\n'));
}

Result<StateDict> readStateDict(const fs::path &path)
{
    const std::string where = path.string();
    if (auto problem = sniffProblem(path, where))
        return Error{*problem};
    try {
        caffe2::serialize::PyTorchStreamReader reader(where);
        if (!reader.hasRecord("data.pkl"))
            return Error{"Cannot read weights from " + where
                         + ": it is a zip archive but holds no data.pkl, so torch.save did not write it. "
                         + kResaveHint};
        if (reader.hasRecord("constants.pkl") || reader.hasRecord("bytecode.pkl"))
            return Error{"Cannot read weights from " + where
                         + ": it is a TorchScript model (torch.jit.save), not a state dict. " + kResaveHint};

        at::DataPtr pickleData;
        std::size_t pickleSize = 0;
        std::tie(pickleData, pickleSize) = reader.getRecord("data.pkl");
        const std::string_view original(static_cast<const char *>(pickleData.get()), pickleSize);
        auto rewritten = PickleRewriter(original).run();
        if (!rewritten)
            return Error{"Cannot read weights from " + where + ": " + rewritten.message() + ". " + kResaveHint};
        const std::string &pickle = *rewritten;

        std::size_t readPos = 0;
        auto readBytes = [&pickle, &readPos](char *buffer, std::size_t wanted) {
            const std::size_t n = std::min(wanted, pickle.size() - readPos);
            std::memcpy(buffer, pickle.data() + readPos, n);
            readPos += n;
            return n;
        };
        auto readRecord = [&reader](const std::string &key) {
            return std::get<0>(reader.getRecord("data/" + key));
        };
        // The storage context makes tensors that share a storage in the file (tied weights, views)
        // share it after loading, as they do in Python.
        torch::jit::Unpickler unpickler(readBytes, /*type_resolver=*/nullptr, /*obj_loader=*/nullptr, readRecord,
                                        at::Device(at::kCPU), /*use_storage_device=*/false,
                                        torch::jit::Unpickler::defaultTypeParser,
                                        std::make_shared<torch::jit::DeserializationStorageContext>());
        unpickler.set_version(reader.version());
        return toStateDict(unpickler.parse_ivalue(), where);
    } catch (const std::exception &e) {
        return Error{"Cannot read weights from " + where + ": " + exceptionText(e) + ". " + kResaveHint};
    } catch (...) {
        return Error{"Cannot read weights from " + where + ": unknown error. " + kResaveHint};
    }
}

StateDictLoadReport loadStateDict(torch::nn::Module &module, const StateDict &dict,
                                  const std::vector<std::string> &skipPrefixes)
{
    StateDictLoadReport report;
    auto isSkipped = [&skipPrefixes](const std::string &name) {
        return std::any_of(skipPrefixes.begin(), skipPrefixes.end(),
                           [&name](const std::string &prefix) { return name.starts_with(prefix); });
    };
    std::unordered_map<std::string, const at::Tensor *> byName;
    for (const auto &[name, tensor] : dict)
        byName[name] = &tensor; // the last one wins

    torch::NoGradGuard noGrad;
    std::unordered_set<std::string> seen;
    forEachTensor(module, [&](const std::string &name, const at::Tensor &constTarget) {
        seen.insert(name);
        if (isSkipped(name)) {
            report.skipped.push_back(name);
            return;
        }
        const auto it = byName.find(name);
        if (it == byName.end() || !it->second->defined()) {
            report.missing.push_back(name);
            return;
        }
        const at::Tensor &source = *it->second;
        if (source.sizes() != constTarget.sizes()) {
            report.shapeMismatch.push_back(name + ": file " + shapeText(source) + " vs model "
                                           + shapeText(constTarget));
            return;
        }
        try {
            at::Tensor target = constTarget; // a handle to the module's own tensor
            target.copy_(source);
            report.matched.push_back(name);
        } catch (const std::exception &e) {
            report.shapeMismatch.push_back(name + ": file " + std::string(c10::toString(source.scalar_type()))
                                           + " cannot be copied into model "
                                           + std::string(c10::toString(constTarget.scalar_type())) + ": "
                                           + exceptionText(e));
        }
    });
    for (const auto &[name, tensor] : dict) {
        if (!seen.insert(name).second)
            continue; // in the module (handled above) or a repeated name
        (isSkipped(name) ? report.skipped : report.unexpected).push_back(name);
    }
    return report;
}

Result<StateDict> stateDictOf(const torch::nn::Module &module)
{
    try {
        StateDict result;
        forEachTensor(module, [&result](const std::string &name, const at::Tensor &t) {
            result.emplace_back(name, t.detach());
        });
        return result;
    } catch (const std::exception &e) {
        return Error{"Cannot list the weights of the model: " + exceptionText(e)};
    }
}

Result<void> saveStateDict(const torch::nn::Module &module, const fs::path &path)
{
    const std::string where = path.string();
    try {
        auto tensors = stateDictOf(module);
        if (!tensors)
            return Error{"Cannot save weights to " + where + ": " + tensors.message()};
        c10::Dict<std::string, at::Tensor> dict;
        for (const auto &[name, tensor] : *tensors)
            dict.insert(name, tensor.to(at::kCPU).contiguous());
        const std::vector<char> bytes = torch::jit::pickle_save(c10::IValue(dict));
        return writeFileAtomic(path, std::string_view(bytes.data(), bytes.size()));
    } catch (const std::exception &e) {
        return Error{"Cannot save weights to " + where + ": " + exceptionText(e)};
    } catch (...) {
        return Error{"Cannot save weights to " + where + ": unknown error"};
    }
}

} // namespace kiln
